package app.sendsongs.core.user;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.SealedValue;
import app.sendsongs.core.shared.SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connect links the bot sends a person: {@code /connect/<source>?link=<token>}, the token sealed by the server
 * ({@link SealedValue}), naming the person's chat address and an expiry. Whoever finishes consent through it registers
 * (or reconnects) that chat address at once, without a code to copy; it works once (the registration records its id
 * when consent completes). Only the server can read, make or change one: the link may be forwarded, and it reaches
 * the source's consent page inside the state, so it must not show whose chat it is.
 */
public final class PersonalLinks {
    /** How long a personal link works after the bot sent it. */
    public static final Duration LIFETIME = Duration.ofDays(1);
    /** The query parameter that carries the token. */
    public static final String PARAMETER = "link";
    private static final String PURPOSE = "personal-link";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key;
    private final ConnectLink connectLink;
    private final Clock clock;

    /** One person's link: who it registers, its single-use id and when it stops working. */
    public record PersonalLink(ChatAddress person, String id, Instant expiresAt) {
        @Override
        public String toString() {
            return "PersonalLink[" + person + ", expiresAt=" + expiresAt + "]";
        }
    }

    public PersonalLinks(SigningKey key, ConnectLink connectLink, Clock clock) {
        this.key = key.derive(PURPOSE);
        this.connectLink = connectLink;
        this.clock = clock;
    }

    /** A fresh link that connects {@code kind} for {@code person}. */
    public String url(ChatAddress person, SourceKind kind) {
        return url(person, kind, LIFETIME);
    }

    /**
     * A fresh link that works for {@code lifetime}: for a message the bot sends unasked, which may wait for the person
     * to write (the 24-hour rule) and must still work when they read it.
     */
    public String url(ChatAddress person, SourceKind kind, Duration lifetime) {
        return connectLink.url(kind.id()) + "?" + PARAMETER + "=" + token(person, lifetime);
    }

    /** A fresh token for {@code person}, good for every source's connect page. */
    public String token(ChatAddress person) {
        return token(person, LIFETIME);
    }

    private String token(ChatAddress person, Duration lifetime) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("p", person.key());
        fields.put("i", randomId());
        fields.put("x", Long.toString(clock.instant().plus(lifetime).getEpochSecond()));
        return SealedValue.seal(key, fields);
    }

    /** The link a token stands for; empty when it was not made by this server, is malformed or has expired. */
    public Optional<PersonalLink> read(String token) {
        return opened(token).filter(link -> clock.instant().isBefore(link.expiresAt()));
    }

    /** The link a token this server made stands for, when it has expired; else empty. */
    public Optional<PersonalLink> readExpired(String token) {
        return opened(token).filter(link -> !clock.instant().isBefore(link.expiresAt()));
    }

    private Optional<PersonalLink> opened(String token) {
        return SealedValue.open(key, token).flatMap(fields -> {
            try {
                Instant expires = Instant.ofEpochSecond(Long.parseLong(fields.getOrDefault("x", "")));
                String id = fields.getOrDefault("i", "");
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new PersonalLink(ChatAddress.parse(fields.getOrDefault("p", "")), id, expires));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    static String randomId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
