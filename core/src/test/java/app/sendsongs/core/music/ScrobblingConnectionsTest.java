package app.sendsongs.core.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScrobblingConnectionsTest {

    @Test
    void aLastfmConnectionIsKnownByItsUserNameAndNeverShowsItsSessionKey() {
        LastfmConnection connection = new LastfmConnection("marlow_v", "d580d57f32848f5dcf574d1ce18d78b2");

        assertThat(connection.kind()).isEqualTo(SourceKind.LASTFM);
        assertThat(connection.accountId()).isEqualTo("marlow_v");
        assertThat(connection.toString()).contains("marlow_v").doesNotContain("d580d57f32848f5dcf574d1ce18d78b2");
        assertThat(SourceKind.LASTFM.displayName()).isEqualTo("Last.fm");
    }

    @Test
    void aListenBrainzConnectionIsKnownByItsUserNameAndNeverShowsItsToken() {
        ListenBrainzConnection connection = new ListenBrainzConnection("rob", "6f1d3c6e-8f8b-4a0c-9a55-0c5e1e4b9d21");

        assertThat(connection.kind()).isEqualTo(SourceKind.LISTENBRAINZ);
        assertThat(connection.accountId()).isEqualTo("rob");
        assertThat(connection.toString()).contains("rob").doesNotContain("6f1d3c6e");
        assertThat(SourceKind.LISTENBRAINZ.displayName()).isEqualTo("ListenBrainz");
    }

    @Test
    void connectionsWithoutTheirSecretsAreRefused() {
        assertThatThrownBy(() -> new LastfmConnection("marlow_v", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session key");
        assertThatThrownBy(() -> new LastfmConnection(null, "key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListenBrainzConnection("rob", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token");
        assertThatThrownBy(() -> new ListenBrainzConnection("", "t")).isInstanceOf(IllegalArgumentException.class);
    }
}
