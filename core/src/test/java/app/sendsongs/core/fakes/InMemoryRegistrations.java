package app.sendsongs.core.fakes;

import app.sendsongs.core.registration.OAuthState;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.registration.RegistrationStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link RegistrationStore} in maps. */
public final class InMemoryRegistrations implements RegistrationStore {
    private final Map<String, OAuthState> states = new HashMap<>();
    private final Map<String, RegistrationCode> codes = new HashMap<>();

    @Override
    public synchronized void saveOAuthState(OAuthState state) {
        states.put(state.state(), state);
    }

    @Override
    public synchronized Optional<OAuthState> takeOAuthState(String state) {
        return Optional.ofNullable(states.remove(state));
    }

    @Override
    public synchronized void saveRegistrationCode(RegistrationCode code) {
        codes.put(code.code(), code);
    }

    @Override
    public synchronized Optional<RegistrationCode> takeRegistrationCode(String code) {
        return Optional.ofNullable(codes.remove(code));
    }

    synchronized void purgeBefore(Instant cutoff) {
        states.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
        codes.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
    }
}
