package app.sendsongs.core.registration;

import java.util.Optional;

/** Port: consent states and one-time registration codes. Both are taken at most once. */
public interface RegistrationStore {
    void saveOAuthState(OAuthState state);

    /** Removes and returns the state; a second call with the same value finds nothing. */
    Optional<OAuthState> takeOAuthState(String state);

    void saveRegistrationCode(RegistrationCode code);

    /** Removes and returns the code; a second call with the same value finds nothing. */
    Optional<RegistrationCode> takeRegistrationCode(String code);
}
