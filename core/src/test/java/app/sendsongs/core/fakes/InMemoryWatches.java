package app.sendsongs.core.fakes;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link WatchStore} in a map; every write takes a new version from one counter. */
public final class InMemoryWatches implements WatchStore {
    private final Map<ChatAddress, Watch> watches = new HashMap<>();
    private long versions;

    @Override
    public synchronized void scheduleWatch(ChatAddress receiver, Instant dueAt, Instant readFrom) {
        Watch current = watches.get(receiver);
        Instant due = current == null || dueAt.isBefore(current.dueAt()) ? dueAt : current.dueAt();
        Instant from = current == null || readFrom.isBefore(current.checkedThrough()) ? readFrom
                : current.checkedThrough();
        watches.put(receiver, new Watch(receiver, due, from, ++versions));
    }

    @Override
    public synchronized List<Watch> claimDueWatches(Instant now, int limit, Instant leaseUntil) {
        List<Watch> due = watches.values().stream().filter(w -> !w.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Watch::dueAt)).limit(limit).toList();
        List<Watch> claimed = new ArrayList<>();
        for (Watch watch : due) {
            Watch leased = new Watch(watch.receiver(), leaseUntil, watch.checkedThrough(), ++versions);
            watches.put(watch.receiver(), leased);
            claimed.add(leased);
        }
        return claimed;
    }

    @Override
    public synchronized boolean rescheduleWatch(Watch claimed, Instant nextDue, Instant checkedThrough) {
        if (!unchanged(claimed)) {
            return false;
        }
        watches.put(claimed.receiver(), new Watch(claimed.receiver(), nextDue, checkedThrough, ++versions));
        return true;
    }

    @Override
    public synchronized boolean endWatch(Watch claimed) {
        if (!unchanged(claimed)) {
            return false;
        }
        watches.remove(claimed.receiver());
        return true;
    }

    @Override
    public synchronized Optional<Watch> findWatch(ChatAddress receiver) {
        return Optional.ofNullable(watches.get(receiver));
    }

    @Override
    public synchronized void deleteWatch(ChatAddress receiver) {
        watches.remove(receiver);
    }

    private boolean unchanged(Watch claimed) {
        Watch current = watches.get(claimed.receiver());
        return current != null && current.version() == claimed.version();
    }
}
