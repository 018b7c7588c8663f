package app.sendsongs.core.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a delivered song's receiver is checked: first about one track length after delivery, then
 * at most a phase's interval after the previous check ("every 5 minutes until 1 hour, then hourly
 * until 7 days"), as long as the next interval ends before the expiry (the last phase's end, the
 * watch period). Then the song has one check left, its last, a grace period after the expiry:
 * plays reach a history minutes to hours late, so "not played within 7 days" is decided only then.
 * The interval counts from the receiver's last check, not from a grid of the song's own: one check
 * covers all their songs, so songs delivered at different minutes share their checks instead of
 * each adding its own. For the same reason a last check waits for the receiver's next regular
 * check when that comes soon after it ({@link #receiversNextCheck}).
 *
 * @param shortestInterval the least time between two checks that the listening pace may ask for
 * @param grace            how long after the watch period the last check comes
 */
public record WatchSchedule(List<Phase> phases, Duration minimumFirstDelay, Duration recheckAfterGap,
                            Duration shortestInterval, Duration grace) {
    private static final Pattern PHASE = Pattern.compile("(\\d+)([smhd])/(\\d+)([smhd])");
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");
    /** How long after the watch period a song is checked a last time, unless configured. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(2);

    /** Check every {@code every} until {@code until} after delivery. */
    public record Phase(Duration every, Duration until) {
    }

    public WatchSchedule {
        phases = List.copyOf(phases);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one phase");
        }
        Duration previous = Duration.ZERO;
        for (Phase phase : phases) {
            if (phase.every().isZero() || phase.every().isNegative() || phase.until().compareTo(previous) <= 0) {
                throw new IllegalArgumentException("phases need a positive interval and increasing ends");
            }
            previous = phase.until();
        }
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("the grace period is zero or more");
        }
    }

    /** The seed's schedule: every 5 minutes for the first hour, then hourly until 7 days. */
    public static WatchSchedule standard() {
        return parse("5m/1h,1h/7d");
    }

    /** Parses "5m/1h,1h/7d": every 5 minutes until 1 hour, then every hour until 7 days. */
    public static WatchSchedule parse(String text) {
        List<Phase> phases = new ArrayList<>();
        for (String part : text.toLowerCase(Locale.ROOT).replace(" ", "").split(",")) {
            Matcher m = PHASE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("a schedule phase looks like 5m/1h (every/until), not: " + part);
            }
            phases.add(new Phase(duration(m.group(1), m.group(2)), duration(m.group(3), m.group(4))));
        }
        return new WatchSchedule(phases, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(2),
                DEFAULT_GRACE);
    }

    /** The same schedule with another grace period. */
    public WatchSchedule withGrace(Duration newGrace) {
        return new WatchSchedule(phases, minimumFirstDelay, recheckAfterGap, shortestInterval, newGrace);
    }

    /** Parses a duration such as "2h", "30m" or "0s" (units {@code s}, {@code m}, {@code h}, {@code d}). */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a duration looks like 2h or 30m (units s, m, h, d), not: " + text);
        }
        return duration(m.group(1), m.group(2));
    }

    private static Duration duration(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    public Duration watchPeriod() {
        return phases.getLast().until();
    }

    public Instant expiry(Instant deliveredAt) {
        return deliveredAt.plus(watchPeriod());
    }

    /** The last check of a song, a grace period after its expiry: unless played by then, it was not played. */
    public Instant finalCheck(Instant deliveredAt) {
        return expiry(deliveredAt).plus(grace);
    }

    /** The first check: about one play of the track after delivery. */
    public Instant firstCheck(Instant deliveredAt, Duration trackLength) {
        Duration delay = trackLength.compareTo(minimumFirstDelay) < 0 ? minimumFirstDelay : trackLength;
        return deliveredAt.plus(delay.compareTo(watchPeriod()) > 0 ? watchPeriod() : delay);
    }

    /**
     * The song's next regular check after one at {@code now}: the first check if it is still ahead, else one
     * interval of the current phase from now. Empty when that interval would reach the expiry: a check there would
     * be the song's last regular one, and its last check a grace period after the expiry reads the same plays.
     */
    public Optional<Instant> nextCheck(Instant deliveredAt, Duration trackLength, Instant now) {
        Instant first = firstCheck(deliveredAt, trackLength);
        if (now.isBefore(first)) {
            return Optional.of(first);
        }
        Instant expiry = expiry(deliveredAt);
        Duration elapsed = Duration.between(deliveredAt, now);
        for (Phase phase : phases) {
            if (elapsed.compareTo(phase.until()) < 0) {
                Instant next = now.plus(phase.every());
                return next.isBefore(expiry) ? Optional.of(next) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * How long a song's last check may wait for the receiver's next regular check: one interval of the last phase,
     * never more than the grace period, so "not played" is decided at most twice the grace period after the expiry.
     */
    public Duration lastCheckMayWait() {
        Duration every = phases.getLast().every();
        return every.compareTo(grace) < 0 ? every : grace;
    }

    /**
     * When a receiver is checked next, given the earliest regular check any of their songs needs ({@link #nextCheck},
     * or sooner for their pace) and the last checks of their songs ({@link #finalCheck}). A last check is made by the
     * receiver's next check when that comes within {@link #lastCheckMayWait} after it, whether a regular check or the
     * last check of another song: each check of their own would be a call more. Empty when neither is needed.
     */
    public Optional<Instant> receiversNextCheck(Optional<Instant> regular, List<Instant> lastChecks) {
        Optional<Instant> earliestLast = lastChecks.stream().min(Instant::compareTo);
        if (earliestLast.isEmpty()) {
            return regular;
        }
        Instant waitUntil = earliestLast.get().plus(lastCheckMayWait());
        if (regular.isPresent() && !regular.get().isAfter(waitUntil)) {
            return regular;
        }
        return lastChecks.stream().filter(last -> !last.isAfter(waitUntil)).max(Instant::compareTo);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Phase phase : phases) {
            text.append(text.isEmpty() ? "" : ",").append(phase.every()).append('/').append(phase.until());
        }
        return text.append(" +").append(grace).toString();
    }
}
