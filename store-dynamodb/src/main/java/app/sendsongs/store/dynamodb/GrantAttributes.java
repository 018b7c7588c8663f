package app.sendsongs.store.dynamodb;

import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.user.TokenCipher;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A listening connection in an item's attributes. {@code source} names its kind ({@code lastfm},
 * {@code listenbrainz}; absent for Spotify, as on every item written before other sources). A Spotify connection
 * keeps the attributes a Spotify person always had, {@code spotifyAccountId} and three grant attributes, and
 * {@code consentedAt}; a Last.fm or ListenBrainz one {@code sourceUser} and {@code sourceSecret}. Tokens and
 * secrets are sealed with the {@link TokenCipher}; times stay readable. Absent values, no attributes.
 */
final class GrantAttributes {
    static final String SOURCE = "source";
    static final String ACCOUNT_ID = "spotifyAccountId";
    static final String ACCESS_TOKEN = "accessToken";
    static final String ACCESS_TOKEN_EXPIRES_AT = "accessTokenExpiresAt";
    static final String REFRESH_TOKEN = "refreshToken";
    static final String CONSENTED_AT = "consentedAt";
    static final String SOURCE_USER = "sourceUser";
    static final String SOURCE_SECRET = "sourceSecret";

    private final TokenCipher cipher;

    GrantAttributes(TokenCipher cipher) {
        this.cipher = cipher;
    }

    void put(Map<String, AttributeValue> item, ListeningConnection connection) {
        switch (connection) {
            case null -> { }
            case SpotifyConnection grant -> {
                Attr.putIfPresent(item, ACCOUNT_ID, Attr.sOrNull(grant.accountId()));
                Attr.putIfPresent(item, ACCESS_TOKEN, sealed(grant.accessToken()));
                Attr.putIfPresent(item, ACCESS_TOKEN_EXPIRES_AT, Attr.timeOrNull(grant.accessTokenExpiresAt()));
                Attr.putIfPresent(item, REFRESH_TOKEN, sealed(grant.refreshToken()));
                Attr.putIfPresent(item, CONSENTED_AT, Attr.timeOrNull(grant.consentedAt()));
            }
            case LastfmConnection lastfm -> putScrobbling(item, SourceKind.LASTFM, lastfm.userName(),
                    lastfm.sessionKey());
            case ListenBrainzConnection listenBrainz -> putScrobbling(item, SourceKind.LISTENBRAINZ,
                    listenBrainz.userName(), listenBrainz.userToken());
        }
    }

    private void putScrobbling(Map<String, AttributeValue> item, SourceKind kind, String user, String secret) {
        item.put(SOURCE, Attr.s(kind.id()));
        item.put(SOURCE_USER, Attr.s(user));
        item.put(SOURCE_SECRET, sealed(secret));
    }

    /** The connection; for Spotify, values without an attribute are null. */
    ListeningConnection read(Map<String, AttributeValue> item) {
        String source = Attr.optionalString(item, SOURCE).orElse(SourceKind.SPOTIFY.id());
        SourceKind kind = SourceKind.named(source).orElseThrow(() -> new DynamoStoreException(
                "a stored connection is of an unknown source: " + source));
        return switch (kind) {
            case SPOTIFY -> new SpotifyConnection(Attr.stringOrNull(item, ACCOUNT_ID),
                    opened(Attr.stringOrNull(item, ACCESS_TOKEN)), Attr.timeOrNull(item, ACCESS_TOKEN_EXPIRES_AT),
                    opened(Attr.stringOrNull(item, REFRESH_TOKEN)), Attr.timeOrNull(item, CONSENTED_AT));
            case LASTFM -> new LastfmConnection(Attr.string(item, SOURCE_USER),
                    opened(Attr.string(item, SOURCE_SECRET)));
            case LISTENBRAINZ -> new ListenBrainzConnection(Attr.string(item, SOURCE_USER),
                    opened(Attr.string(item, SOURCE_SECRET)));
        };
    }

    private AttributeValue sealed(String token) {
        return token == null ? null : Attr.s(cipher.seal(token));
    }

    private String opened(String stored) {
        return stored == null ? null : cipher.openOr(stored, ListeningConnection.UNREADABLE_SECRET);
    }
}
