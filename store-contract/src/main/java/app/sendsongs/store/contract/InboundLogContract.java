package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.InboundLog;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link InboundLog}: an event is handled once it is marked, by its whole delivery key, and stays marked; a mark may
 * carry a short value, the first one recorded.
 */
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

    @Test
    void aValueMarkedIsReadBackWithTheMark() {
        inbound.markHandled("messenger:mid.1 kept", "0b5f3c1e-8d2a-4c6b-9e7f-1a2b3c4d5e6f", minutes(60));

        assertThat(inbound.handled("messenger:mid.1 kept")).isTrue();
        assertThat(inbound.markedValue("messenger:mid.1 kept")).contains("0b5f3c1e-8d2a-4c6b-9e7f-1a2b3c4d5e6f");
        assertThat(inbound.markedValue("messenger:mid.2 kept")).isEmpty();
    }

    @Test
    void theFirstValueMarkedStays() {
        inbound.markHandled("messenger:mid.1 kept", "12", minutes(60));
        inbound.markHandled("messenger:mid.1 kept", "7", minutes(60));
        inbound.markHandled("messenger:mid.1 kept", minutes(60));

        assertThat(inbound.markedValue("messenger:mid.1 kept")).contains("12");
    }

    @Test
    void aKeyMarkedWithoutAValueIsMarkedWithNoneAndTakesNoneLater() {
        inbound.markHandled("messenger:mid.1", minutes(60));
        inbound.markHandled("messenger:mid.1", "12", minutes(60));

        assertThat(inbound.handled("messenger:mid.1")).isTrue();
        assertThat(inbound.markedValue("messenger:mid.1")).isEmpty();
    }

    @Test
    void aValueOfUpTo200CharactersIsKeptWholeAndAnEmptyOrLongerOneIsRefused() {
        String longest = "7".repeat(InboundLog.MAX_VALUE_LENGTH);
        inbound.markHandled("messenger:mid.longest", longest, minutes(60));

        assertThat(inbound.markedValue("messenger:mid.longest")).contains(longest);
        assertThatThrownBy(() -> inbound.markHandled("messenger:mid.longer", longest + "7", minutes(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbound.markHandled("messenger:mid.empty", "", minutes(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(inbound.handled("messenger:mid.longer")).isFalse();
        assertThat(inbound.handled("messenger:mid.empty")).isFalse();
    }

    @Test
    void concurrentMarksOfOneKeyWithValuesAllSucceedAndOneValueIsKept() {
        Race.run(16, i -> {
            inbound.markHandled("messenger:mid.raced kept", Integer.toString(i), minutes(60));
            return true;
        });

        List<String> tried = IntStream.range(0, 16).mapToObj(Integer::toString).toList();
        assertThat(inbound.markedValue("messenger:mid.raced kept").orElseThrow()).isIn(tried);
    }
}
