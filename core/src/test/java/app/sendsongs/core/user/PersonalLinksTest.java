package app.sendsongs.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.OldSignedValues;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.shared.Readable;
import app.sendsongs.core.shared.SigningKey;
import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalLinksTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final ChatAddress TELEGRAM_PERSON = new ChatAddress(Platform.TELEGRAM, "918273645");
    private static final ChatAddress MESSENGER_PERSON = ChatAddress.messenger("24681357924681357");
    private final SigningKey key = SigningKey.random();
    private final ManualClock clock = new ManualClock(NOW);
    private final PersonalLinks links = new PersonalLinks(key, new ConnectLink("https://songs.example"), clock);

    @Test
    void aLinksTokenDoesNotShowWhoItIsFor() {
        for (ChatAddress person : new ChatAddress[] {TELEGRAM_PERSON, MESSENGER_PERSON}) {
            String token = links.token(person);

            assertThat(Readable.readings(token)).allSatisfy(reading -> assertThat(reading)
                    .doesNotContain(person.id()).doesNotContain(person.key()).doesNotContain(person.platform().id()));
            assertThat(links.read(token).orElseThrow().person()).isEqualTo(person);
        }
    }

    @Test
    void aLinkForAMessageSentUnaskedStaysInTheUrlAndWorksItsWholeLifetime() {
        String url = links.url(TELEGRAM_PERSON, SourceKind.SPOTIFY, Duration.ofDays(14));
        String token = url.substring(url.indexOf("?link=") + "?link=".length());

        assertThat(url).startsWith("https://songs.example/connect/spotify?link=").doesNotContain("918273645");
        assertThat(token).matches("[A-Za-z0-9_-]+");
        clock.advance(Duration.ofDays(14).minusSeconds(1));
        assertThat(links.read(token)).map(PersonalLinks.PersonalLink::person).contains(TELEGRAM_PERSON);
        clock.advance(Duration.ofSeconds(1));
        assertThat(links.read(token)).isEmpty();
        assertThat(links.readExpired(token)).map(PersonalLinks.PersonalLink::person).contains(TELEGRAM_PERSON);
    }

    @Test
    void aLinkSentBeforeLinksWereSealedWorksUntilItExpires() {
        String old = oldToken(TELEGRAM_PERSON, "old-link-id", NOW.plus(Duration.ofDays(14)));

        assertThat(links.read(old)).contains(new PersonalLinks.PersonalLink(TELEGRAM_PERSON, "old-link-id",
                NOW.plus(Duration.ofDays(14))));
        clock.advance(Duration.ofDays(14));
        assertThat(links.read(old)).isEmpty();
        assertThat(links.readExpired(old)).map(PersonalLinks.PersonalLink::id).contains("old-link-id");
    }

    @Test
    void aChangedTruncatedOrForgedTokenIsRefused() {
        String token = links.token(TELEGRAM_PERSON);
        String old = oldToken(TELEGRAM_PERSON, "old-link-id", NOW.plus(Duration.ofDays(1)));
        String forged = OldSignedValues.sign(SigningKey.random().derive("personal-link"),
                oldFields(MESSENGER_PERSON, "forged", NOW.plus(Duration.ofDays(1))));

        for (String refused : new String[] {token.substring(0, token.length() - 1), token.substring(1),
                flipped(token, token.length() / 2), flipped(old, 3), old.substring(0, old.length() - 1), forged,
                "made.up", ""}) {
            assertThat(links.read(refused)).as(refused).isEmpty();
            assertThat(links.readExpired(refused)).as(refused).isEmpty();
        }
    }

    private String oldToken(ChatAddress person, String id, Instant expires) {
        return OldSignedValues.sign(key.derive("personal-link"), oldFields(person, id, expires));
    }

    private static Map<String, String> oldFields(ChatAddress person, String id, Instant expires) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("p", person.key());
        fields.put("i", id);
        fields.put("x", Long.toString(expires.getEpochSecond()));
        return fields;
    }

    private static String flipped(String value, int at) {
        return value.substring(0, at) + (value.charAt(at) == 'A' ? 'B' : 'A') + value.substring(at + 1);
    }
}
