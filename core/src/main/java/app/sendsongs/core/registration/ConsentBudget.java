package app.sendsongs.core.registration;

import app.sendsongs.core.music.SourceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How many consents this process may be finishing, or have seen refused lately, with each source. Finishing one calls
 * the source (Spotify's token exchange, Last.fm's {@code auth.getSession}, ListenBrainz's {@code validate-token}),
 * which counts against the rate the source allows this app, listen checks included (ListenBrainz: 30 calls in 10 s;
 * Last.fm: about 5 a second). Anyone can get a state ({@code GET /connect/<source>}) and come back with a made-up code
 * or token, or with one real token of their own again and again: unbounded, a few such requests a second spent the
 * whole rate, and every listen check on that source waited or failed. A consent takes a place before its call and
 * gives it back when it finished an account's first consent in {@link #REPEATS_WITHIN}, or failed for no fault of what
 * was brought back; so people really connecting, however many, spend nothing, and made-up codes or one account's
 * repeats spend at most {@link #BURST} at once, then one each {@link #REFILL}.
 *
 * <p>It counts real time, as the sources do (the demo's clock stands still between advances). Thread-safe.
 */
final class ConsentBudget {
    private static final Logger LOG = Logger.getLogger(ConsentBudget.class.getName());
    /** Places at once: more than the consents a busy sign-up makes together. */
    static final int BURST = 20;
    /** How soon a place spent on a refusal comes back: 10 a minute, a small share of any source's rate. */
    static final Duration REFILL = Duration.ofSeconds(6);
    /** A consent for an account that finished one this recently is a repeat, and keeps its place. */
    static final Duration REPEATS_WITHIN = Duration.ofMinutes(10);
    /** The accounts remembered: more than finish consents in {@link #REPEATS_WITHIN}, few enough to hold. */
    private static final int ACCOUNTS_REMEMBERED = 10_000;

    private final InstantSource time;
    /**
     * When each source's places are all back (generic cell rate: a place is taken when that is less than
     * {@link #BURST} refills ahead of now).
     */
    private final Map<SourceKind, Instant> allBack = new EnumMap<>(SourceKind.class);
    /** When each {@code source:account} last finished a consent, the oldest first dropped past the count. */
    private final Map<String, Instant> finishedAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > ACCOUNTS_REMEMBERED;
        }
    };
    /** The sources whose places ran out, until one is taken again. */
    private final Set<SourceKind> spent = EnumSet.noneOf(SourceKind.class);

    ConsentBudget(InstantSource time) {
        this.time = time;
    }

    /**
     * A place for one consent with {@code kind}; false when refusals and repeats spent them all just now. That is logged once, when
     * it begins, not for every request of a flood.
     */
    synchronized boolean take(SourceKind kind) {
        Instant now = time.instant();
        Instant back = later(allBack.getOrDefault(kind, now), now);
        if (Duration.between(now, back).compareTo(REFILL.multipliedBy(BURST - 1)) > 0) {
            if (spent.add(kind)) {
                LOG.log(Level.WARNING, "{0}: {1} consents refused or repeated lately (made-up codes or tokens, or one "
                        + "account again and again?): connecting it waits, one try each {2} s, so that the listen "
                        + "checks keep its rate",
                        new Object[] {kind.displayName(), BURST, REFILL.toSeconds()});
            }
            return false;
        }
        spent.remove(kind);
        allBack.put(kind, back.plus(REFILL));
        return true;
    }

    /**
     * A consent finished for {@code account}: its place comes back unless that account finished one with this source
     * within {@link #REPEATS_WITHIN}.
     */
    synchronized void finished(SourceKind kind, String account) {
        Instant now = time.instant();
        Instant before = finishedAt.put(kind.id() + ":" + account, now);
        if (before == null || !now.isBefore(before.plus(REPEATS_WITHIN))) {
            giveBack(kind);
        }
    }

    /** The place of a consent that failed for no fault of what came back (the source unreachable, a used state). */
    synchronized void giveBack(SourceKind kind) {
        Instant now = time.instant();
        allBack.computeIfPresent(kind, (k, back) -> later(back.minus(REFILL), now));
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
