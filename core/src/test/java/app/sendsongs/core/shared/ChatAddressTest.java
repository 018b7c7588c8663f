package app.sendsongs.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatAddressTest {
    @Test
    void keyIsPlatformColonIdAndParsesBack() {
        ChatAddress bob = ChatAddress.messenger("1234");
        assertThat(bob.key()).isEqualTo("messenger:1234");
        assertThat(ChatAddress.parse("messenger:1234")).isEqualTo(bob);
    }

    @Test
    void theSameIdOnTwoPlatformsIsTwoAddresses() {
        ChatAddress onMessenger = ChatAddress.messenger("42");
        ChatAddress onTelegram = new ChatAddress(Platform.TELEGRAM, "42");
        assertThat(onMessenger).isNotEqualTo(onTelegram);
        assertThat(onMessenger.key()).isNotEqualTo(onTelegram.key());
    }

    @Test
    void anIdMayContainAColon() {
        ChatAddress odd = new ChatAddress(new Platform("test"), "a:b");
        assertThat(ChatAddress.parse(odd.key())).isEqualTo(odd);
    }

    @Test
    void aKnownPlatformReadBackIsItsConstantAndAnInvalidOneIsRefused() {
        assertThat(ChatAddress.parse("telegram:7").platform()).isSameAs(Platform.TELEGRAM);
        assertThat(ChatAddress.parse("messenger:7").platform()).isSameAs(Platform.MESSENGER);
        assertThatThrownBy(() -> ChatAddress.parse("Tele gram:7")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTestOnlyPlatformNeedsNoChangeToCore() {
        assertThat(ChatAddress.parse("test:alice").platform()).isEqualTo(new Platform("test"));
    }

    @Test
    void badKeysAndIdsAreRefusedWithAClearReason() {
        assertThatThrownBy(() -> ChatAddress.parse("1234")).hasMessageContaining("<platform>:<id>");
        assertThatThrownBy(() -> ChatAddress.parse("messenger:")).hasMessageContaining("blank");
        assertThatThrownBy(() -> ChatAddress.parse(":1234")).hasMessageContaining("blank");
        assertThatThrownBy(() -> ChatAddress.messenger(" 12")).hasMessageContaining("white space");
        assertThatThrownBy(() -> ChatAddress.messenger("1".repeat(ChatAddress.MAX_ID_LENGTH + 1)))
                .hasMessageContaining("at most");
    }

    @Test
    void platformIdsAreShortLowercaseAndColonFree() {
        assertThat(Platform.MESSENGER.id()).isEqualTo("messenger");
        assertThatThrownBy(() -> new Platform("Messenger")).hasMessageContaining("lowercase");
        assertThatThrownBy(() -> new Platform("a:b")).hasMessageContaining("':'");
        assertThatThrownBy(() -> new Platform(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> new Platform("x".repeat(Platform.MAX_ID_LENGTH + 1))).hasMessageContaining("at most");
    }

    @Test
    void toStringKeepsTheIdOut() {
        assertThat(ChatAddress.messenger("1234567").toString()).doesNotContain("1234567");
    }
}
