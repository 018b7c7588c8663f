package app.sendsongs.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How people are written in the table's keys: bare Messenger ids as before, every other address by its key. */
class PersonKeyTest {

    @Test
    void aMessengerIdWithoutAColonIsItsBareIdAsInEveryExistingItem() {
        assertThat(PersonKey.of(ChatAddress.messenger("1234567890123456"))).isEqualTo("1234567890123456");
        assertThat(PersonKey.address("1234567890123456")).isEqualTo(ChatAddress.messenger("1234567890123456"));
    }

    @Test
    void everyOtherAddressIsItsKeyAndReadsBack() {
        List<ChatAddress> addresses = List.of(new ChatAddress(Platform.TELEGRAM, "123"),
                new ChatAddress(Platform.TELEGRAM, "-100:7"), ChatAddress.messenger("telegram:123"),
                new ChatAddress(new Platform("test-chat_2"), "x:y#z"));

        assertThat(addresses).extracting(PersonKey::of)
                .containsExactly("telegram:123", "telegram:-100:7", "messenger:telegram:123", "test-chat_2:x:y#z");
        assertThat(PersonKey.addresses(PersonKey.keys(addresses))).isEqualTo(addresses);
    }

    @Test
    void noTwoAddressesShareAPersonKey() {
        List<ChatAddress> addresses = List.of(ChatAddress.messenger("42"), new ChatAddress(Platform.TELEGRAM, "42"),
                ChatAddress.messenger("telegram:42"), ChatAddress.messenger("messenger:42"));

        assertThat(addresses).extracting(PersonKey::of).doesNotHaveDuplicates();
    }

    @Test
    void aStoredKeyThatIsNoAddressIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> PersonKey.address("Telegram:secret-id"))
                .isInstanceOf(DynamoStoreException.class)
                .hasMessageContaining("not a chat address")
                .hasMessageNotContaining("secret-id");
    }
}
