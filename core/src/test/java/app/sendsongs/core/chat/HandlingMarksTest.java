package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.fakes.InMemoryInboundLog;
import app.sendsongs.core.shared.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What an event's run keeps in marks, read back by the same event handled again and by no other. */
class HandlingMarksTest {
    private static final Instant SENT = Instant.parse("2026-03-01T10:00:00Z");
    private final InMemoryInboundLog log = new InMemoryInboundLog();
    private final HandlingMarks marks = new HandlingMarks(log, Duration.ofDays(3));

    @Test
    void anIdOrACountKeptByOneRunIsReadBackByTheSameEventHandledAgainAndByNoOther() {
        String groupId = UUID.randomUUID().toString();
        Cause.run("messenger:m1", () -> {
            marks.keep("the group", groupId, SENT);
            marks.keep("the songs", "12", SENT);
        });

        assertThat(Cause.call("messenger:m1", () -> marks.kept("the group"))).contains(groupId);
        assertThat(Cause.call("messenger:m1", () -> marks.kept("the songs"))).contains("12");
        assertThat(Cause.call("messenger:m2", () -> marks.kept("the group"))).isEmpty();
    }

    @Test
    void theFirstValueKeptStaysWhenARunHandledAgainKeepsAnother() {
        Cause.run("messenger:m1", () -> marks.keep("the songs", "12", SENT));
        Cause.run("messenger:m1", () -> marks.keep("the songs", "45", SENT));

        assertThat(Cause.call("messenger:m1", () -> marks.kept("the songs"))).contains("12");
    }

    @Test
    void aValueIsKeptInOneMarkAndReadBackInOneRead() {
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        InboundLog counted = new InboundLog() {
            @Override
            public boolean handled(String deliveryKey) {
                reads.incrementAndGet();
                return log.handled(deliveryKey);
            }

            @Override
            public void markHandled(String deliveryKey, Instant keepUntil) {
                writes.incrementAndGet();
                log.markHandled(deliveryKey, keepUntil);
            }

            @Override
            public void markHandled(String deliveryKey, String value, Instant keepUntil) {
                writes.incrementAndGet();
                log.markHandled(deliveryKey, value, keepUntil);
            }

            @Override
            public Optional<String> markedValue(String deliveryKey) {
                reads.incrementAndGet();
                return log.markedValue(deliveryKey);
            }
        };
        HandlingMarks countedMarks = new HandlingMarks(counted, Duration.ofDays(3));
        String groupId = UUID.randomUUID().toString();

        Cause.run("messenger:m1", () -> countedMarks.keep("the group", groupId, SENT));
        Optional<String> kept = Cause.call("messenger:m1", () -> countedMarks.kept("the group"));

        assertThat(kept).contains(groupId);
        assertThat(writes).hasValue(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void somethingOnlyMarkedKeepsNoValue() {
        Cause.run("messenger:m1", () -> marks.mark("the group", SENT));

        assertThat(Cause.call("messenger:m1", () -> marks.kept("the group"))).isEmpty();
        assertThat(Cause.call("messenger:m1", () -> marks.marked("the group"))).isTrue();
    }

    @Test
    void aNameOrAnAddressIsNeverKept() {
        assertThatThrownBy(() -> marks.keep("the group", "Family", SENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> marks.keep("the person", "telegram:511223344", SENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> marks.keep("the songs", "", SENT)).isInstanceOf(IllegalArgumentException.class);
    }
}
