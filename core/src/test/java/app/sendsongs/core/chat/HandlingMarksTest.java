package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.fakes.InMemoryInboundLog;
import app.sendsongs.core.shared.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
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
    void aValueKeptHalfwayByARunCutShortIsNotReadAndTheNextRunKeepsItsOwn() {
        InboundLog dying = new InboundLog() {
            private int writes;

            @Override
            public boolean handled(String deliveryKey) {
                return log.handled(deliveryKey);
            }

            @Override
            public void markHandled(String deliveryKey, Instant keepUntil) {
                if (++writes == 3) {
                    throw new IllegalStateException("the process died");
                }
                log.markHandled(deliveryKey, keepUntil);
            }

            @Override
            public void markHandled(String deliveryKey, String value, Instant keepUntil) {
                log.markHandled(deliveryKey, value, keepUntil);
            }

            @Override
            public Optional<String> markedValue(String deliveryKey) {
                return log.markedValue(deliveryKey);
            }
        };
        Cause.run("messenger:m1", () -> {
            try {
                new HandlingMarks(dying, Duration.ofDays(3)).keep("the songs", "123", SENT);
            } catch (IllegalStateException died) {
                // the first run ends here, two marks written
            }
        });

        Optional<String> afterTheCrash = Cause.call("messenger:m1", () -> marks.kept("the songs"));
        Cause.run("messenger:m1", () -> marks.keep("the songs", "45", SENT));

        assertThat(afterTheCrash).isEmpty();
        assertThat(Cause.call("messenger:m1", () -> marks.kept("the songs"))).contains("45");
    }

    @Test
    void aNameIsNeverKept() {
        assertThatThrownBy(() -> marks.keep("the group", "Family", SENT)).isInstanceOf(IllegalArgumentException.class);
    }
}
