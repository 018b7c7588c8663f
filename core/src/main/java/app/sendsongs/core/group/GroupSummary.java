package app.sendsongs.core.group;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.ReceiptsStopped;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareSettled;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.share.TellingNames;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.StableIds;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The sender's one summary of a song sent to a group, once no member's share is open any more:
 * "3 of 4 played <title> (sent to Family)." Members who played it or whose watch expired are
 * counted; members who stopped being in the group, songs the sender cancelled, and members who don't share plays
 * with the sender are named separately and not counted. The summary never waits for the last: their songs tell the
 * sender nothing, not even by when the summary comes. A member who stops sharing plays before the summary reached the
 * sender is not counted either, even for a song they played or let expire before. Nothing is sent when nobody is left
 * to count. The store's single-use mark makes it go out once even when two workers settle the last shares together.
 */
public final class GroupSummary implements ShareSettled, ReceiptsStopped {
    private final GroupStore groups;
    private final ShareStore shares;
    private final UserStore users;
    private final Outbox outbox;
    private final WatchSchedule schedule;
    private final Clock clock;
    private final TellingNames names;
    private final ChatPresence presence;

    public GroupSummary(GroupStore groups, ShareStore shares, UserStore users, Outbox outbox, WatchSchedule schedule,
                        Clock clock, TellingNames names, ChatPresence presence) {
        this.presence = presence;
        this.groups = groups;
        this.names = names;
        this.shares = shares;
        this.users = users;
        this.outbox = outbox;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public void settled(Share share) {
        share.groupSendId().ifPresent(this::summarizeIfDone);
    }

    private void summarizeIfDone(String groupSendId) {
        List<Share> all = shares.sharesOfGroupSend(groupSendId);
        boolean open = all.stream().anyMatch(s -> s.status().isOpen() && !s.receiptsOff());
        if (open || all.stream().noneMatch(GroupSummary::counted)) {
            return;
        }
        Optional<GroupSend> send = groups.findGroupSend(groupSendId).filter(s -> s.summarizedAt().isEmpty());
        if (send.isPresent()) {
            // Held before the mark, under an id of the send: whoever settles the last shares (two workers
            // at once, or one again after a crash) holds the same summary, which goes out once.
            outbox.notifyOnce(StableIds.of("summary", groupSendId), send.get().sender(),
                    Message.text(text(send.get(), all)), receivers(all));
            groups.markGroupSendSummarized(groupSendId, clock.instant());
        }
    }

    /**
     * The sender of {@code groupSendIds} is being forgotten: none of those sends is summarized from now on, so the
     * groups their forgetting ends, which stop every member's song, do not tell them how each member did just before
     * their records go (a "no longer in the group" naming members who never left). Marked as the summary would be.
     */
    public void summarizeNone(Collection<String> groupSendIds) {
        groupSendIds.forEach(id -> groups.markGroupSendSummarized(id, clock.instant()));
    }

    /**
     * The sends among {@code groupSendIds} whose summary has still to reach its sender. Such a summary names its
     * people, so forgetting one of them takes it back with everything else that names them: it is then made again
     * without them ({@link #summarizeAgainWithout}), rather than lost.
     */
    public List<String> waitingToBeSent(Collection<String> groupSendIds) {
        return groupSendIds.stream().distinct()
                .filter(id -> groups.findGroupSend(id).filter(send -> !waiting(send).isEmpty()).isPresent()).toList();
    }

    /**
     * The summary of a send that had not reached its sender, made again without {@code forgotten}, if anyone is left
     * to count. It is held under an id of the people it is about, so forgetting another of them makes it once more.
     */
    public void summarizeAgainWithout(String groupSendId, ChatAddress forgotten) {
        groups.findGroupSend(groupSendId).ifPresent(send -> summarizeAgain(send, shares.sharesOfGroupSend(groupSendId)
                .stream().filter(share -> !share.receiver().equals(forgotten)).toList()));
    }

    /**
     * From now on the senders hear nothing of the receiver's plays: their songs to the receiver in a group, played or
     * not, count in no summary that has not reached its sender yet. Each is marked as kept private (as the songs still
     * open are), and a summary already waiting is made again so ({@link #summarizeAgain}, as when a member is
     * forgotten), before the first is taken back: cut short in between, the choice made again finds the first still
     * waiting, and takes it back then.
     */
    @Override
    public void receiptsStopped(ChatAddress receiver, Predicate<ChatAddress> senders) {
        // Those already marked too: a choice made again after a crash finishes what the first began.
        shares.sharesReceivedBy(receiver).stream()
                .filter(share -> senders.test(share.sender()) && share.sentToGroup() && playedOrExpired(share))
                .forEach(this::keepPrivate);
    }

    private void keepPrivate(Share share) {
        Optional<GroupSend> send = groups.findGroupSend(share.groupSendId().orElseThrow());
        if (send.isEmpty() || (send.get().summarizedAt().isPresent() && waiting(send.get()).isEmpty())) {
            return; // the sender has had the summary already
        }
        if (!share.receiptsOff()) {
            shares.updateShare(share.withReceiptsOff(), share.status());
        }
        Set<String> first = waiting(send.get());
        if (!first.isEmpty()) {
            Optional<String> again = summarizeAgain(send.get(), shares.sharesOfGroupSend(send.get().id()));
            outbox.withdraw(send.get().sender(), first.stream().filter(id -> again.filter(id::equals).isEmpty())
                    .toList());
        }
    }

    /**
     * The summary of {@code about}, the send's shares left to tell of, held under an id of the people it is about and
     * of those among them who keep their plays private, so that each change to either makes it once more; nothing when
     * nobody is left to count. Returns the id it is held under.
     */
    private Optional<String> summarizeAgain(GroupSend send, List<Share> about) {
        if (about.stream().noneMatch(GroupSummary::counted)) {
            return Optional.empty();
        }
        String id = againId(send.id(), keys(about), keys(about.stream().filter(Share::receiptsOff).toList()));
        outbox.notifyOnce(id, send.sender(), Message.text(text(send, about)), receivers(about));
        return Optional.of(id);
    }

    /** The ids under which a summary of the send still waits for its sender. */
    private Set<String> waiting(GroupSend send) {
        return outbox.heldAmong(send.sender(), summaryIds(send.id(), shares.sharesOfGroupSend(send.id())));
    }

    /**
     * Every id a summary of the send whose shares are now {@code all} may have been held under: the first one's; one
     * made again for these people, as they keep their plays now, or before one of them began to keep them (a choice
     * cut short before the summary was made again), or by a version that left that out.
     */
    private static List<String> summaryIds(String groupSendId, List<Share> all) {
        List<String> about = keys(all);
        List<String> keptPrivate = keys(all.stream().filter(Share::receiptsOff).toList());
        List<String> ids = new ArrayList<>(List.of(StableIds.of("summary", groupSendId),
                againId(groupSendId, about, keptPrivate), againId(groupSendId, about, List.of())));
        keptPrivate.forEach(key -> ids.add(againId(groupSendId, about,
                keptPrivate.stream().filter(other -> !other.equals(key)).toList())));
        return ids;
    }

    private static String againId(String groupSendId, List<String> about, List<String> keptPrivate) {
        List<String> parts = new ArrayList<>(List.of("summary again", groupSendId));
        parts.addAll(about);
        if (!keptPrivate.isEmpty()) {
            parts.add("kept private");
            parts.addAll(keptPrivate);
        }
        return StableIds.of(parts.toArray(String[]::new));
    }

    /** Whether the summary counts the share: its receiver played it or let it expire, and shares plays. */
    private static boolean counted(Share share) {
        return playedOrExpired(share) && !share.receiptsOff();
    }

    private static boolean playedOrExpired(Share share) {
        return share.status() == ShareStatus.PLAYED || share.status() == ShareStatus.EXPIRED;
    }

    /** The receivers' keys, sorted. */
    private static List<String> keys(List<Share> shares) {
        return shares.stream().map(share -> share.receiver().key()).sorted().toList();
    }

    private static List<ChatAddress> receivers(List<Share> shares) {
        return shares.stream().map(Share::receiver).toList();
    }

    /**
     * The summary for the sender of {@code send}, each member named as the sender knows them ({@link TellingNames}):
     * the members read once, and the holders of their names once for the whole summary.
     */
    private String text(GroupSend send, List<Share> all) {
        Map<ChatAddress, Optional<User>> people = new HashMap<>();
        all.forEach(share -> people.computeIfAbsent(share.receiver(), users::findUser));
        TellingNames.Shown shown = names.to(send.sender(), people.values().stream().flatMap(Optional::stream)
                .toList());
        Function<List<Share>, String> listed = settled -> String.join(", ", settled.stream()
                .map(share -> shown.of(people.get(share.receiver()), User.SOMEONE_WHO_LEFT))
                .sorted(String.CASE_INSENSITIVE_ORDER).toList());
        List<Share> played = with(all, ShareStatus.PLAYED);
        List<Share> expired = with(all, ShareStatus.EXPIRED);
        StringBuilder text = new StringBuilder(played.size() + " of " + (played.size() + expired.size()) + " played "
                + all.getFirst().track().title() + " (sent to " + send.groupName() + ").");
        if (!expired.isEmpty()) {
            text.append("\nNot played within ").append(Texts.duration(schedule.watchPeriod())).append(": ")
                    .append(listed.apply(expired)).append('.');
            mayHaveMissed(expired, people).ifPresent(text::append);
        }
        Map<ChatPresence.Gone, List<Share>> left = with(all, ShareStatus.LEFT_GROUP).stream()
                .collect(Collectors.groupingBy(share -> presence.gone(send.groupId(), share.receiver())));
        left.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(gone -> text.append("\nNot counted, ")
                .append(switch (gone.getKey()) {
                    case LEFT_THE_GROUP -> "no longer in the group";
                    case LEFT_THE_CHAT -> "left the chat";
                    case STOPPED_THE_CHATS_SONGS -> "stopped getting the chat's songs";
                }).append(": ").append(listed.apply(gone.getValue())).append('.'));
        List<Share> undelivered = with(all, ShareStatus.UNDELIVERED);
        if (!undelivered.isEmpty()) {
            text.append("\nNot counted, it never reached them: ").append(listed.apply(undelivered)).append('.');
        }
        List<Share> cancelled = with(all, ShareStatus.CANCELLED);
        if (!cancelled.isEmpty()) {
            text.append("\nNot counted, you stopped watching: ").append(listed.apply(cancelled)).append('.');
        }
        List<Share> keptPrivate = all.stream().filter(Share::receiptsOff).toList();
        if (!keptPrivate.isEmpty()) {
            text.append("\nNot counted, they don't share plays: ").append(listed.apply(keptPrivate)).append('.');
        }
        return text.toString();
    }

    /**
     * Why a play may have been missed among {@code expired}, when it may: Spotify's window of the last 50 plays, when
     * every member it may have been missed for listens there; else that not all their plays could be seen, on the
     * services they listen on (a Last.fm member has no Spotify history to blame).
     */
    private static Optional<String> mayHaveMissed(List<Share> expired, Map<ChatAddress, Optional<User>> people) {
        if (expired.stream().noneMatch(Share::uncertain)) {
            return Optional.empty();
        }
        List<SourceKind> sources = expired.stream().filter(Share::uncertain)
                .map(share -> people.get(share.receiver()).map(user -> user.connection().kind()))
                .flatMap(Optional::stream).distinct().toList();
        if (!sources.isEmpty() && sources.stream().allMatch(SourceKind::keepsOnlyRecentWindow)) {
            return Optional.of(" (At times their Spotify history of the last 50 plays didn't reach back far enough, "
                    + "so I may have missed a play.)");
        }
        return Optional.of(" (At times I couldn't see all of their plays" + (sources.isEmpty() ? "" : " on "
                + String.join(" and ", sources.stream().map(SourceKind::displayName).toList()))
                + ", so I may have missed a play.)");
    }

    /** The shares of that status, leaving out those whose receivers don't share plays with the sender. */
    private static List<Share> with(List<Share> all, ShareStatus status) {
        return all.stream().filter(s -> s.status() == status && !s.receiptsOff()).toList();
    }
}
