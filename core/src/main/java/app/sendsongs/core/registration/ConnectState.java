package app.sendsongs.core.registration;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.user.PersonalLinks.PersonalLink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code state} of one consent round trip, as the server sealed it when the browser asked to connect: the
 * source, a single-use id, an expiry, a digest of the browser's connect cookie, and the personal link it started
 * from, if any. Nothing is stored when it is made; its id is recorded when it comes back, so it works once.
 */
record ConnectState(SourceKind kind, String id, Instant expiresAt, String browserDigest,
                    Optional<PersonalLink> link) {

    /** Whether the state came back to the browser that started the round trip (the one holding its cookie). */
    boolean startedIn(String browser) {
        return browser != null && !browser.isEmpty() && MessageDigest.isEqual(
                browserDigest.getBytes(StandardCharsets.UTF_8), digest(browser).getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of a browser's connect cookie that a state carries: the cookie itself never leaves the browser. */
    static String digest(String browser) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("browser:" + browser)
                    .getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ConnectState[" + kind + ", expiresAt=" + expiresAt + ", personal=" + link.isPresent() + "]";
    }
}
