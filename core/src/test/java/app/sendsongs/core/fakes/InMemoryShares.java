package app.sendsongs.core.fakes;

import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** {@link ShareStore} in a map. */
public final class InMemoryShares implements ShareStore {
    private final SequencedMap<String, Share> shares = new LinkedHashMap<>();
    private final List<BeforeUpdating> beforeUpdating = new CopyOnWriteArrayList<>();

    private record BeforeUpdating(Predicate<Share> which, Runnable work) {
    }

    /**
     * Runs {@code work} once, at the start of the first {@link #updateShare} of a share {@code which} picks, before the
     * stored share is compared: another person's action at that very moment. It runs outside this store's lock.
     */
    public void beforeUpdating(Predicate<Share> which, Runnable work) {
        beforeUpdating.add(new BeforeUpdating(which, work));
    }

    /**
     * The process dies at the start of the first {@link #updateShare} of a share {@code which} picks, before it is
     * stored: a {@link RecordingChat.ProcessDied} is thrown.
     */
    public void diesBeforeUpdating(Predicate<Share> which) {
        beforeUpdating(which, () -> {
            throw new RecordingChat.ProcessDied();
        });
    }

    @Override
    public synchronized boolean insertShare(Share share) {
        return shares.putIfAbsent(share.id(), share) == null;
    }

    @Override
    public synchronized Optional<Share> findShare(String id) {
        return Optional.ofNullable(shares.get(id));
    }

    @Override
    public boolean updateShare(Share updated, ShareStatus expected) {
        beforeUpdating.stream().filter(hook -> hook.which().test(updated)).findFirst()
                .filter(beforeUpdating::remove).ifPresent(hook -> hook.work().run());
        return updateNow(updated, expected);
    }

    private synchronized boolean updateNow(Share updated, ShareStatus expected) {
        Share stored = shares.get(updated.id());
        if (stored == null || stored.status() != expected) {
            return false;
        }
        shares.put(updated.id(), stored.receiptsOff() ? updated.withReceiptsOff() : updated);
        return true;
    }

    @Override
    public synchronized List<Share> sharesSentBy(ChatAddress sender) {
        return newestFirst().filter(s -> s.sender().equals(sender)).toList();
    }

    /** Newest first; shares of the same instant latest inserted first, as stores order them by sending order. */
    private Stream<Share> newestFirst() {
        return shares.sequencedValues().reversed().stream().sorted(Comparator.comparing(Share::createdAt).reversed());
    }

    @Override
    public synchronized List<Share> sharesSentSince(ChatAddress sender, Instant since) {
        return sharesSentBy(sender).stream().filter(s -> !s.createdAt().isBefore(since)).toList();
    }

    @Override
    public synchronized List<Share> sharesReceivedBy(ChatAddress receiver) {
        return newestFirst().filter(s -> s.receiver().equals(receiver)).toList();
    }

    @Override
    public synchronized List<Share> sharesWatchedFor(ChatAddress receiver) {
        return shares.values().stream()
                .filter(s -> s.receiver().equals(receiver) && s.status() == ShareStatus.WATCHING)
                .sorted(Comparator.comparing(s -> s.deliveredAt().orElseThrow())).toList();
    }

    @Override
    public synchronized List<Share> openSharesTo(ChatAddress receiver) {
        return shares.values().stream().filter(s -> s.receiver().equals(receiver) && s.status().isOpen()).toList();
    }

    @Override
    public synchronized List<Share> sharesOfGroupSend(String groupSendId) {
        return shares.values().stream().filter(s -> s.groupSendId().filter(groupSendId::equals).isPresent()).toList();
    }

    @Override
    public synchronized void deleteSharesOf(ChatAddress person) {
        shares.values().removeIf(s -> s.sender().equals(person) || s.receiver().equals(person));
    }
}
