package app.sendsongs.core.registration;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.SealedValue;
import app.sendsongs.core.shared.SigningKey;
import app.sendsongs.core.user.PersonalLinks.PersonalLink;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes and reads sealed consent states (see {@link ConnectState}, {@link SealedValue}): the state goes to Spotify and
 * Last.fm in the consent redirect, and only this server can read it (the person's chat address, the browser's digest)
 * or change it. Making one writes nothing, so a flood of anonymous {@code GET /connect} costs a sealing each and no
 * storage.
 */
final class ConnectStates {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String PURPOSE = "connect-state";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key;
    private final Clock clock;

    ConnectStates(SigningKey key, Clock clock) {
        this.key = key.derive(PURPOSE);
        this.clock = clock;
    }

    String issue(SourceKind kind, String browser, Optional<PersonalLink> link) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("s", kind.id());
        fields.put("i", randomId());
        fields.put("x", Long.toString(clock.instant().plus(LIFETIME).getEpochSecond()));
        fields.put("b", ConnectState.digest(browser));
        link.ifPresent(personal -> {
            fields.put("p", personal.person().key());
            fields.put("l", personal.id());
            fields.put("lx", Long.toString(personal.expiresAt().getEpochSecond()));
        });
        return SealedValue.seal(key, fields);
    }

    /** The state this server made; empty when it is not one, or has expired. */
    Optional<ConnectState> read(String state) {
        return SealedValue.open(key, state).flatMap(fields -> state(fields, false));
    }

    /** The state this server made that has expired; empty when it is not one, or has not expired. */
    Optional<ConnectState> readExpired(String state) {
        return SealedValue.open(key, state).flatMap(fields -> state(fields, true))
                .filter(known -> !clock.instant().isBefore(known.expiresAt()));
    }

    private Optional<ConnectState> state(Map<String, String> fields, boolean evenExpired) {
        try {
            Optional<SourceKind> kind = SourceKind.named(fields.getOrDefault("s", ""));
            Instant expires = Instant.ofEpochSecond(Long.parseLong(fields.getOrDefault("x", "")));
            String id = fields.getOrDefault("i", "");
            String browser = fields.getOrDefault("b", "");
            if (kind.isEmpty() || id.isEmpty() || browser.isEmpty()
                    || !evenExpired && !clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            Optional<PersonalLink> link = Optional.empty();
            if (fields.containsKey("p")) {
                link = Optional.of(new PersonalLink(ChatAddress.parse(fields.get("p")), fields.getOrDefault("l", ""),
                        Instant.ofEpochSecond(Long.parseLong(fields.getOrDefault("lx", "")))));
            }
            return Optional.of(new ConnectState(kind.get(), id, expires, browser, link));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
