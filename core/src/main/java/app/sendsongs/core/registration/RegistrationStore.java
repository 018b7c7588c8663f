package app.sendsongs.core.registration;

import java.time.Instant;
import java.util.Optional;

/** Port: single-use values already used (connect states, personal links) and one-time registration codes. */
public interface RegistrationStore {
    /**
     * Records that a single-use value was used: true the first time, false when it was already recorded. The record
     * is kept at least until {@code keepUntil} (after which the value has expired anyway and is refused for that).
     */
    boolean useOnce(String value, Instant keepUntil);

    /** Whether {@link #useOnce} recorded this value (and the record is still kept); writes nothing. */
    boolean wasUsed(String value);

    void saveRegistrationCode(RegistrationCode code);

    /** Removes and returns the code; a second call with the same value finds nothing. */
    Optional<RegistrationCode> takeRegistrationCode(String code);
}
