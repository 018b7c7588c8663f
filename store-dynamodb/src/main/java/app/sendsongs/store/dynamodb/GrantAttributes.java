package app.sendsongs.store.dynamodb;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.user.TokenCipher;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A listening connection in the attributes a Spotify person always had: {@code spotifyAccountId}
 * and three grant attributes, the two tokens sealed with the {@link TokenCipher}; the expiry stays
 * readable. Absent values, no attributes.
 */
final class GrantAttributes {
    static final String ACCOUNT_ID = "spotifyAccountId";
    static final String ACCESS_TOKEN = "accessToken";
    static final String ACCESS_TOKEN_EXPIRES_AT = "accessTokenExpiresAt";
    static final String REFRESH_TOKEN = "refreshToken";

    private final TokenCipher cipher;

    GrantAttributes(TokenCipher cipher) {
        this.cipher = cipher;
    }

    void put(Map<String, AttributeValue> item, ListeningConnection connection) {
        if (connection == null) {
            return;
        }
        SpotifyConnection grant = switch (connection) {
            case SpotifyConnection spotify -> spotify;
            default -> throw new IllegalArgumentException("the store keeps only Spotify connections so far, not a "
                    + connection.kind().displayName() + " one");
        };
        Attr.putIfPresent(item, ACCOUNT_ID, Attr.sOrNull(grant.accountId()));
        Attr.putIfPresent(item, ACCESS_TOKEN, sealed(grant.accessToken()));
        Attr.putIfPresent(item, ACCESS_TOKEN_EXPIRES_AT, Attr.timeOrNull(grant.accessTokenExpiresAt()));
        Attr.putIfPresent(item, REFRESH_TOKEN, sealed(grant.refreshToken()));
    }

    /** The (Spotify) connection; values without an attribute are null. */
    SpotifyConnection read(Map<String, AttributeValue> item) {
        String accessToken = Attr.stringOrNull(item, ACCESS_TOKEN);
        String refreshToken = Attr.stringOrNull(item, REFRESH_TOKEN);
        return new SpotifyConnection(Attr.stringOrNull(item, ACCOUNT_ID), opened(accessToken),
                Attr.timeOrNull(item, ACCESS_TOKEN_EXPIRES_AT), opened(refreshToken));
    }

    private AttributeValue sealed(String token) {
        return token == null ? null : Attr.s(cipher.seal(token));
    }

    private String opened(String stored) {
        return stored == null ? null : cipher.open(stored);
    }
}
