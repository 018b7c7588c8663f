package app.sendsongs.core.fakes;

import app.sendsongs.core.share.EndedInvite;
import app.sendsongs.core.share.Invite;
import app.sendsongs.core.share.InviteStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Invites in memory, by token. */
public final class InMemoryInvites implements InviteStore {
    private static final Comparator<Invite> OLDEST_FIRST = Comparator.comparing(Invite::createdAt)
            .thenComparing(Invite::token);

    private final Map<String, Invite> invites = new LinkedHashMap<>();
    private final Map<String, EndedInvite> ended = new LinkedHashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final List<Runnable> beforeTaking = new CopyOnWriteArrayList<>();
    private final List<Runnable> beforeClaiming = new CopyOnWriteArrayList<>();

    /**
     * Runs {@code work} once, at the start of the next {@link #claimInvite}, before the invite is claimed: another
     * person's action at that very moment. It runs outside this store's lock.
     */
    public void beforeNextClaim(Runnable work) {
        beforeClaiming.add(work);
    }

    /**
     * Runs {@code work} once, at the start of the next {@link #takeInvite}, before the invite is removed: another
     * person's action at that very moment. It runs outside this store's lock.
     */
    public void beforeNextTake(Runnable work) {
        beforeTaking.add(work);
    }

    @Override
    public synchronized void saveInvite(Invite invite) {
        invites.put(invite.token(), invite);
    }

    @Override
    public synchronized Optional<Invite> findInvite(String token) {
        return Optional.ofNullable(invites.get(token));
    }

    @Override
    public synchronized boolean openInvite(String token, ChatAddress friend) {
        Invite invite = invites.get(token);
        if (invite == null || invite.friend().filter(f -> !f.equals(friend)).isPresent()) {
            return false;
        }
        invites.put(token, invite.openedBy(friend));
        return true;
    }

    @Override
    public synchronized boolean releaseInvite(String token, ChatAddress friend) {
        Invite invite = invites.get(token);
        if (invite == null || !invite.friend().filter(friend::equals).isPresent()) {
            return false;
        }
        invites.put(token, invite.unopened());
        claimed.remove(token);
        return true;
    }

    @Override
    public boolean claimInvite(String token, ChatAddress friend) {
        beforeClaiming.stream().findFirst().filter(beforeClaiming::remove).ifPresent(Runnable::run);
        return claimNow(token, friend);
    }

    private synchronized boolean claimNow(String token, ChatAddress friend) {
        Invite invite = invites.get(token);
        if (invite == null || !invite.friend().filter(friend::equals).isPresent()) {
            return false;
        }
        claimed.add(token);
        return true;
    }

    @Override
    public synchronized boolean takeUnclaimedInvite(String token) {
        return !claimed.contains(token) && invites.remove(token) != null;
    }

    @Override
    public synchronized List<Invite> openInvitesSentBy(ChatAddress sender, Instant now, int limit) {
        return invites.values().stream().filter(i -> i.sender().equals(sender) && i.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Invite::expiresAt).thenComparing(Invite::token)).limit(limit).toList();
    }

    @Override
    public synchronized List<Invite> unopenedInvitesFor(String friendNameKey, Instant now, int limit) {
        return invites.values().stream().filter(i -> Names.key(i.friendName()).equals(friendNameKey))
                .filter(i -> i.friend().isEmpty() && i.expiresAt().isAfter(now)).sorted(OLDEST_FIRST).limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Invite> invitesOpenedBy(ChatAddress friend) {
        return invites.values().stream().filter(i -> i.friend().filter(friend::equals).isPresent())
                .sorted(OLDEST_FIRST).toList();
    }

    @Override
    public boolean takeInvite(String token) {
        beforeTaking.stream().findFirst().filter(beforeTaking::remove).ifPresent(Runnable::run);
        return takeNow(token);
    }

    private synchronized boolean takeNow(String token) {
        claimed.remove(token);
        return invites.remove(token) != null;
    }

    @Override
    public synchronized List<Invite> invitesExpiredBy(Instant now, int limit) {
        return invites.values().stream().filter(i -> !i.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Invite::expiresAt).thenComparing(Invite::token)).limit(limit).toList();
    }

    @Override
    public synchronized void saveEndedInvite(EndedInvite invite) {
        ended.put(invite.token(), invite);
    }

    @Override
    public synchronized Optional<EndedInvite> findEndedInvite(String token) {
        return Optional.ofNullable(ended.get(token));
    }

    /** Forgetting a person takes back the invites they sent, and what became of those they sent or used. */
    synchronized void forget(ChatAddress person) {
        invites.values().removeIf(invite -> invite.sender().equals(person));
        claimed.retainAll(invites.keySet());
        ended.values().removeIf(invite -> invite.sender().equals(person)
                || invite.usedBy().filter(person::equals).isPresent());
    }

    /** What became of invites is kept until its time is up. */
    synchronized void purgeBefore(Instant cutoff) {
        ended.values().removeIf(invite -> invite.keepUntil().isBefore(cutoff));
    }
}
