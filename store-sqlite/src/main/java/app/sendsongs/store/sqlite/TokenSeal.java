package app.sendsongs.store.sqlite;

import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.user.TokenCipher;
import java.util.function.UnaryOperator;

/**
 * Seals the tokens of a listening connection before they are written and opens them when read. Only
 * the token strings are sealed; the rest of the connection stays queryable.
 */
final class TokenSeal {
    private final TokenCipher cipher;

    TokenSeal(TokenCipher cipher) {
        this.cipher = cipher;
    }

    /** The connection with its tokens sealed; {@code null} stays {@code null}. */
    ListeningConnection sealed(ListeningConnection connection) {
        return withTokens(connection, cipher::seal);
    }

    /**
     * The connection with its tokens opened; {@code null} stays {@code null}. A token sealed with another key reads as
     * {@link ListeningConnection#UNREADABLE_SECRET}.
     */
    ListeningConnection opened(ListeningConnection connection) {
        return withTokens(connection, stored -> cipher.openOr(stored, ListeningConnection.UNREADABLE_SECRET));
    }

    private static ListeningConnection withTokens(ListeningConnection connection, UnaryOperator<String> change) {
        return switch (connection) {
            case null -> null;
            case SpotifyConnection c -> new SpotifyConnection(c.accountId(), orNull(c.accessToken(), change),
                    c.accessTokenExpiresAt(), orNull(c.refreshToken(), change), c.consentedAt());
            case LastfmConnection c -> new LastfmConnection(c.userName(), change.apply(c.sessionKey()));
            case ListenBrainzConnection c -> new ListenBrainzConnection(c.userName(), change.apply(c.userToken()));
        };
    }

    private static String orNull(String value, UnaryOperator<String> change) {
        return value == null ? null : change.apply(value);
    }
}
