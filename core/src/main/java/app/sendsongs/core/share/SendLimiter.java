package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.RelativeTime;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps each sender within their {@link SendLimits}, counted from the shares they made in the last day (one
 * bounded query), so no count can drift and nothing waits in a queue: a send over a limit is refused with when the
 * person can send again.
 */
public final class SendLimiter {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final ShareStore shares;
    private final SendLimits limits;
    private final Clock clock;

    public SendLimiter(ShareStore shares, SendLimits limits, Clock clock) {
        this.shares = shares;
        this.limits = limits;
        this.clock = clock;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** What the sender's last day of sending allows now. */
    public Allowance allowance(ChatAddress sender) {
        Instant now = clock.instant();
        return new Allowance(shares.sendsSince(sender, now.minus(DAY)), now);
    }

    /** The sends of the last day, read once, asked about one song or one group send. */
    public final class Allowance {
        private final List<SendRecord> lastDay;
        private final Instant now;

        private Allowance(List<SendRecord> lastDay, Instant now) {
            this.lastDay = lastDay;
            this.now = now;
        }

        /** Why the sender cannot send another song now (to anyone), if they cannot. */
        public Optional<String> refusal() {
            Map<String, Instant> bySend = new HashMap<>(); // a group send's shares are one send
            lastDay.stream().filter(s -> s.createdAt().isAfter(now.minus(HOUR)))
                    .forEach(s -> bySend.merge(s.send(), s.createdAt(), SendLimiter::earlier));
            List<Instant> sends = bySend.values().stream().sorted().toList();
            if (sends.size() < limits.songsPerHour()) {
                return Optional.empty();
            }
            Instant again = sends.get(sends.size() - limits.songsPerHour()).plus(HOUR);
            return Optional.of("You've sent " + Texts.count(sends.size(), "song") + " in the last hour, the most I "
                    + "pass on in an hour. You can send again " + RelativeTime.in(again, now) + ".");
        }

        /** Whether {@code friend} cannot get another song from the sender today. */
        public boolean refusesFor(User friend) {
            return refusalFor(friend, friend::name).isPresent();
        }

        /**
         * Why {@code friend} cannot get another song from the sender today, if they cannot; {@code shownName} gives the
         * friend's name as the sender is shown it ({@link TellingNames}: which Bob Fisher, when they know two), read
         * only for a refusal.
         */
        public Optional<String> refusalFor(User friend, Supplier<String> shownName) {
            List<Instant> sent = lastDay.stream().filter(s -> s.receiver().equals(friend.address()))
                    .map(SendRecord::createdAt).sorted().toList();
            if (sent.size() < limits.songsPerFriendPerDay()) {
                return Optional.empty();
            }
            Instant again = sent.get(sent.size() - limits.songsPerFriendPerDay()).plus(DAY);
            return Optional.of("You've sent " + shownName.get() + " " + Texts.count(sent.size(), "song")
                    + " in the last 24 hours, the most one friend gets from one person in a day. You can send them "
                    + "another " + RelativeTime.in(again, now) + ".");
        }
    }
}
