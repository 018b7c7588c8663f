package app.sendsongs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {
    @Test
    void theEmulatorsRunInTheServersProcessUnlessToldApart() {
        assertThat(LoadOptions.parse(new String[0]).emulatorsApart()).isFalse();
        assertThat(LoadOptions.parse(new String[] {"--emulators", "apart"}).emulatorsApart()).isTrue();
        assertThat(LoadOptions.parse(new String[] {"--emulators", "same"}).emulatorsApart()).isFalse();
    }

    @Test
    void theServersHeapGrowsWithTheMessagesTheRunKeepsUnlessGiven() {
        assertThat(LoadOptions.defaults().serverHeap()).isEqualTo("1g");
        assertThat(LoadOptions.parse(new String[0]).serverHeap()).isEqualTo("1g");
        assertThat(LoadOptions.parse(new String[] {"--events", "20001"}).serverHeap()).isEqualTo("2g");
        assertThat(LoadOptions.parse(new String[] {"--events", "60000"}).serverHeap()).isEqualTo("3g");
        assertThat(LoadOptions.parse(new String[] {"--events", "60000", "--warmup", "0"}).serverHeap()).isEqualTo("3g");
        assertThat(LoadOptions.parse(new String[] {"--events", "60000", "--server-heap", "768m"}).serverHeap())
                .isEqualTo("768m");
    }

    @Test
    void anUnknownPlaceForTheEmulatorsIsRefusedByName() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--emulators", "elsewhere"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same or apart");
    }

    @Test
    void telegramWithTheEmulatorsApartIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--platform", "telegram", "--emulators", "apart"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Messenger")
                .hasMessageContaining("clock");
    }
}
