package app.sendsongs.core.registration;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: single-use values already used (connect states, personal links) and one-time registration codes, each claimed
 * by one {@code register} and dropped once it saved the person.
 */
public interface RegistrationStore {
    /**
     * Records that a single-use value was used: true the first time, false when it was already recorded. The record
     * is kept at least until {@code keepUntil} (after which the value has expired anyway and is refused for that).
     */
    boolean useOnce(String value, Instant keepUntil);

    /** Whether {@link #useOnce} recorded this value (and the record is still kept); writes nothing. */
    boolean wasUsed(String value);

    void saveRegistrationCode(RegistrationCode code);

    /**
     * Claims the code for {@code claimant} and returns it: the first claimant gets it, and so does the same claimant
     * asking again (a {@code register} handled again after a crash); anyone else finds nothing. One write, so a crash
     * leaves the code either unclaimed or claimed, never lost between the two.
     */
    Optional<RegistrationCode> claimRegistrationCode(String code, String claimant);

    /** Removes the code {@code claimant} claimed; a code claimed by someone else, or by nobody, stays. */
    void dropClaimedCode(String code, String claimant);
}
