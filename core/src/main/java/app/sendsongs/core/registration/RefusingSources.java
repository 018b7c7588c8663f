package app.sendsongs.core.registration;

import app.sendsongs.core.music.SourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sources that have turned a person away for this server's app lately (Spotify's development mode serves only the
 * people its owner added), so that the welcome leads newcomers to one that lets them in. Remembered in the store, as
 * one mark a source a week, so every process and every Lambda instance knows it: a refusal counts from 7 to 14 days,
 * this week's and last week's marks being read. An app moved to extended quota stops refusing, and the marks lapse.
 */
final class RefusingSources {
    private static final Duration WEEK = Duration.ofDays(7);

    private final RegistrationStore store;
    private final Clock clock;

    RefusingSources(RegistrationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** {@code kind} turned a person away for this app: remembered until the end of next week. */
    void refused(SourceKind kind) {
        long week = week(clock.instant());
        store.useOnce(mark(kind, week), Instant.EPOCH.plus(WEEK.multipliedBy(week + 2)));
    }

    /** Whether {@code kind} turned a person away this week or last. */
    boolean refusesLately(SourceKind kind) {
        long week = week(clock.instant());
        return store.wasUsed(mark(kind, week)) || store.wasUsed(mark(kind, week - 1));
    }

    /** Those of {@code kinds} that turned a person away this week or last, in their order. */
    List<SourceKind> amongst(List<SourceKind> kinds) {
        return kinds.stream().filter(this::refusesLately).toList();
    }

    /** {@code kinds} with the {@code refusing} ones last, each part in its order. */
    static List<SourceKind> welcomingFirst(List<SourceKind> kinds, List<SourceKind> refusing) {
        return Stream.concat(kinds.stream().filter(kind -> !refusing.contains(kind)), refusing.stream()).toList();
    }

    private static long week(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), WEEK.toSeconds());
    }

    private static String mark(SourceKind kind, long week) {
        return "refused a person:" + kind.id() + ":" + week;
    }
}
