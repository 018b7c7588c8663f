package app.sendsongs.store.dynamodb;

import app.sendsongs.core.music.SpotifyGrant;
import app.sendsongs.core.user.TokenCipher;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Spotify grant in three attributes, its two tokens sealed with the {@link TokenCipher}; the
 * expiry stays readable. No grant, no attributes.
 */
final class GrantAttributes {
    static final String ACCESS_TOKEN = "accessToken";
    static final String ACCESS_TOKEN_EXPIRES_AT = "accessTokenExpiresAt";
    static final String REFRESH_TOKEN = "refreshToken";

    private final TokenCipher cipher;

    GrantAttributes(TokenCipher cipher) {
        this.cipher = cipher;
    }

    void put(Map<String, AttributeValue> item, SpotifyGrant grant) {
        if (grant == null) {
            return;
        }
        Attr.putIfPresent(item, ACCESS_TOKEN, sealed(grant.accessToken()));
        Attr.putIfPresent(item, ACCESS_TOKEN_EXPIRES_AT, Attr.timeOrNull(grant.accessTokenExpiresAt()));
        Attr.putIfPresent(item, REFRESH_TOKEN, sealed(grant.refreshToken()));
    }

    /** The grant, or null when none of its attributes is there. */
    SpotifyGrant read(Map<String, AttributeValue> item) {
        String accessToken = Attr.stringOrNull(item, ACCESS_TOKEN);
        String refreshToken = Attr.stringOrNull(item, REFRESH_TOKEN);
        if (accessToken == null && refreshToken == null && !item.containsKey(ACCESS_TOKEN_EXPIRES_AT)) {
            return null;
        }
        return new SpotifyGrant(opened(accessToken), Attr.timeOrNull(item, ACCESS_TOKEN_EXPIRES_AT),
                opened(refreshToken));
    }

    private AttributeValue sealed(String token) {
        return token == null ? null : Attr.s(cipher.seal(token));
    }

    private String opened(String stored) {
        return stored == null ? null : cipher.open(stored);
    }
}
