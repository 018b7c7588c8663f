package app.sendsongs.bench.watch;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The simulator's reading of the notices: each song told is matched, also when one message tells several. */
class SenderNoticesTest {
    private static final Instant NOW = Instant.parse("2030-01-08T10:00:00Z");
    private final SenderNotices chat = new SenderNotices(Clock.fixed(NOW, ZoneOffset.UTC), 3);

    @Test
    void aNoticeOfOneSongIsMatchedToIt() {
        chat.expect(0, "psid-1", "Person 2", "Song 5 by Band 5");

        chat.send("psid-1", Message.text("🎧 Person 2 listened to Song 5 by Band 5 (2 min ago)."),
                MessageKind.UPDATE, "notice");

        assertThat(chat.toldAt()).containsExactly(NOW.toEpochMilli(), -1, -1);
        assertThat(chat.unmatched).isZero();
    }

    @Test
    void aNoticeOfSeveralSongsIsMatchedToEachOfThem() {
        chat.expect(0, "psid-1", "Person 2", "Song 5 by Band 5");
        chat.expect(1, "psid-1", "Person 3", "Song 6 by Band 6");
        chat.expect(2, "psid-1", "Person 2", "Song 7 by Band 7");

        chat.send("psid-1", Message.text("🎧 Person 2 listened to 2 of your songs:\n• Song 5 by Band 5 (2 min ago)"
                + "\n• Song 7 by Band 7 (9 min ago)"), MessageKind.UPDATE, "notice");

        assertThat(chat.toldAt()).containsExactly(NOW.toEpochMilli(), -1, NOW.toEpochMilli());
        assertThat(chat.unmatched).isZero();
    }

    @Test
    void aNoticeOfASongNotSentIsCountedAsMatchingNone() {
        chat.expect(0, "psid-1", "Person 2", "Song 5 by Band 5");

        chat.send("psid-1", Message.text("🎧 Person 2 listened to 2 of your songs:\n• Song 5 by Band 5 (2 min ago)"
                + "\n• Song 8 by Band 8 (9 min ago)"), MessageKind.UPDATE, "notice");

        assertThat(chat.unmatched).isEqualTo(1);
    }
}
