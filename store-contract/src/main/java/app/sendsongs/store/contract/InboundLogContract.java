package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.InboundLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InboundLog}: an event is handled once it is marked, by its whole delivery key, and stays marked. */
public abstract class InboundLogContract extends StoreFixture {

    @Test
    void anEventIsHandledOnceMarked() {
        assertThat(inbound.handled("messenger:mid.1")).isFalse();

        inbound.markHandled("messenger:mid.1", minutes(60));

        assertThat(inbound.handled("messenger:mid.1")).isTrue();
    }

    @Test
    void deliveryKeysAreIndependentAndCaseMatters() {
        inbound.markHandled("messenger:mid.1", minutes(60));

        assertThat(inbound.handled("messenger:mid.2")).isFalse();
        assertThat(inbound.handled("messenger:MID.1")).isFalse();
        assertThat(inbound.handled("telegram:mid.1")).isFalse();
    }

    @Test
    void markingAgainKeepsTheEventHandled() {
        inbound.markHandled("messenger:mid.1", minutes(60));
        inbound.markHandled("messenger:mid.1", minutes(10));

        assertThat(inbound.handled("messenger:mid.1")).isTrue();
    }

    @Test
    void concurrentMarksOfOneEventAllSucceed() {
        Race.run(16, i -> {
            inbound.markHandled("messenger:mid.raced", minutes(60 + i));
            return true;
        });

        assertThat(inbound.handled("messenger:mid.raced")).isTrue();
        assertThat(List.of(inbound.handled("messenger:mid.other"))).containsExactly(false);
    }
}
