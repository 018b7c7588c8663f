package app.sendsongs.core.fakes;

import app.sendsongs.core.share.EndedInvite;
import app.sendsongs.core.share.Invite;
import app.sendsongs.core.share.InviteStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invites in memory, by token. */
final class InMemoryInvites implements InviteStore {
    private static final Comparator<Invite> OLDEST_FIRST = Comparator.comparing(Invite::createdAt)
            .thenComparing(Invite::token);

    private final Map<String, Invite> invites = new LinkedHashMap<>();
    private final Map<String, EndedInvite> ended = new LinkedHashMap<>();

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
        return true;
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
    public synchronized boolean takeInvite(String token) {
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
        ended.values().removeIf(invite -> invite.sender().equals(person)
                || invite.usedBy().filter(person::equals).isPresent());
    }

    /** What became of invites is kept until its time is up. */
    synchronized void purgeBefore(Instant cutoff) {
        ended.values().removeIf(invite -> invite.keepUntil().isBefore(cutoff));
    }
}
