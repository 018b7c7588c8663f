package app.sendsongs.core.fakes;

import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.registration.RegistrationStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link RegistrationStore} in maps; counts its writes, so a test can show that something wrote nothing. */
public final class InMemoryRegistrations implements RegistrationStore {
    private final Map<String, Instant> used = new HashMap<>();
    private final Map<String, RegistrationCode> codes = new HashMap<>();
    /** Who claimed each claimed code. */
    private final Map<String, String> claims = new HashMap<>();
    private int writes;
    private final NextDeath deathAfterClaiming = new NextDeath();

    @Override
    public synchronized boolean useOnce(String value, Instant keepUntil) {
        writes++;
        return used.putIfAbsent(value, keepUntil) == null;
    }

    @Override
    public synchronized boolean wasUsed(String value) {
        return used.containsKey(value);
    }

    @Override
    public synchronized void saveRegistrationCode(RegistrationCode code) {
        writes++;
        codes.put(code.code(), code);
    }

    @Override
    public synchronized Optional<RegistrationCode> claimRegistrationCode(String code, String claimant) {
        RegistrationCode found = codes.get(code);
        if (found == null || !claims.getOrDefault(code, claimant).equals(claimant)) {
            return Optional.empty();
        }
        writes++;
        claims.put(code, claimant);
        deathAfterClaiming.dieIfArmed();
        return Optional.of(found);
    }

    @Override
    public synchronized void dropClaimedCode(String code, String claimant) {
        if (claimant.equals(claims.get(code))) {
            writes++;
            codes.remove(code);
            claims.remove(code);
        }
    }

    /** The process dies right after the next claim is kept: a {@link RecordingChat.ProcessDied} is thrown out of it. */
    public synchronized void diesAfterNextClaim() {
        deathAfterClaiming.arm();
    }

    /** How many registration codes are kept now. */
    public synchronized int codesKept() {
        return codes.size();
    }

    /** How many values were recorded as used or saved so far. */
    public synchronized int writes() {
        return writes;
    }

    synchronized void purgeBefore(Instant cutoff) {
        used.values().removeIf(keepUntil -> keepUntil.isBefore(cutoff));
        codes.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
        claims.keySet().retainAll(codes.keySet());
    }
}
