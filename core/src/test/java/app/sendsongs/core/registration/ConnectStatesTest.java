package app.sendsongs.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.OldSignedValues;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.shared.Readable;
import app.sendsongs.core.shared.SigningKey;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.user.PersonalLinks;
import app.sendsongs.core.user.PersonalLinks.PersonalLink;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectStatesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String BROWSER = "browser-cookie-value";
    private static final PersonalLink LINK = new PersonalLink(new ChatAddress(Platform.TELEGRAM, "918273645"),
            "link-id", NOW.plus(Duration.ofDays(1)));
    private final SigningKey key = SigningKey.random();
    private final ManualClock clock = new ManualClock(NOW);
    private final ConnectStates states = new ConnectStates(key, clock);

    @Test
    void aStateShowsNeitherThePersonNorTheBrowserToTheServiceItGoesTo() {
        String state = states.issue(SourceKind.LASTFM, BROWSER, Optional.of(LINK));

        assertThat(state).matches("[A-Za-z0-9_-]+");
        assertThat(Readable.readings(state)).allSatisfy(reading -> assertThat(reading).doesNotContain("918273645")
                .doesNotContain("telegram").doesNotContain(ConnectState.digest(BROWSER)).doesNotContain("link-id")
                .doesNotContain("lastfm"));
        ConnectState read = states.read(state).orElseThrow();
        assertThat(read.link()).contains(LINK);
        assertThat(read.kind()).isEqualTo(SourceKind.LASTFM);
        assertThat(read.startedIn(BROWSER)).isTrue();
    }

    @Test
    void aStateWorksItsLifetimeThenReadsAsExpired() {
        String state = states.issue(SourceKind.SPOTIFY, BROWSER, Optional.empty());

        clock.advance(ConnectStates.LIFETIME.minusSeconds(1));
        assertThat(states.read(state)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(states.read(state)).isEmpty();
        assertThat(states.readExpired(state)).map(ConnectState::kind).contains(SourceKind.SPOTIFY);
    }

    @Test
    void aStateIssuedBeforeStatesWereSealedWorksUntilItExpires() {
        String old = OldSignedValues.sign(key.derive("connect-state"), oldFields(NOW.plus(ConnectStates.LIFETIME)));

        ConnectState read = states.read(old).orElseThrow();
        assertThat(read.link()).contains(LINK);
        assertThat(read.id()).isEqualTo("old-state-id");
        assertThat(read.startedIn(BROWSER)).isTrue();
        clock.advance(ConnectStates.LIFETIME);
        assertThat(states.read(old)).isEmpty();
        assertThat(states.readExpired(old)).map(ConnectState::id).contains("old-state-id");
    }

    @Test
    void aChangedTruncatedOrForgedStateIsRefused() {
        String state = states.issue(SourceKind.SPOTIFY, BROWSER, Optional.of(LINK));
        String forged = OldSignedValues.sign(SigningKey.random().derive("connect-state"),
                oldFields(NOW.plus(ConnectStates.LIFETIME)));
        String aPersonalLink = new PersonalLinks(key, new ConnectLink("https://songs.example"), clock)
                .token(LINK.person());

        for (String refused : new String[] {state.substring(0, state.length() - 1), state.substring(2),
                state.substring(0, 20) + (state.charAt(20) == 'A' ? 'B' : 'A') + state.substring(21), forged,
                aPersonalLink}) {
            assertThat(states.read(refused)).as(refused).isEmpty();
            assertThat(states.readExpired(refused)).as(refused).isEmpty();
        }
    }

    private static Map<String, String> oldFields(Instant expires) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("s", "spotify");
        fields.put("i", "old-state-id");
        fields.put("x", Long.toString(expires.getEpochSecond()));
        fields.put("b", ConnectState.digest(BROWSER));
        fields.put("p", LINK.person().key());
        fields.put("l", LINK.id());
        fields.put("lx", Long.toString(LINK.expiresAt().getEpochSecond()));
        return fields;
    }
}
