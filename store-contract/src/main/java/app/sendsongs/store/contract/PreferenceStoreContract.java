package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.privacy.SenderRule;
import app.sendsongs.core.shared.ChatAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PreferenceStore}: each person's choices about senders, kept whole. */
public abstract class PreferenceStoreContract extends StoreFixture {

    @Test
    void nobodyHasChosenAnythingAtFirst() {
        assertThat(preferences.preferencesOf(at("bob"))).isEqualTo(ReceiverPreferences.none(at("bob")));
    }

    @Test
    void savedChoicesComeBackWhole() {
        ReceiverPreferences chosen = new ReceiverPreferences(at("bob"), false, Map.of(
                at("alice"), SenderRule.BLOCKED, onTelegram("alice"), SenderRule.RECEIPTS_ON,
                new ChatAddress(at("x").platform(), "id:with:colons"), SenderRule.RECEIPTS_OFF));

        preferences.savePreferences(chosen);

        assertThat(preferences.preferencesOf(at("bob"))).isEqualTo(chosen);
    }

    @Test
    void savingAgainReplacesTheChoicesAndNoneLeavesNothing() {
        preferences.savePreferences(new ReceiverPreferences(at("bob"), true, Map.of(at("alice"), SenderRule.BLOCKED,
                at("carol"), SenderRule.RECEIPTS_OFF)));
        ReceiverPreferences changed = new ReceiverPreferences(at("bob"), true, Map.of(at("carol"),
                SenderRule.RECEIPTS_OFF));

        preferences.savePreferences(changed);
        assertThat(preferences.preferencesOf(at("bob"))).isEqualTo(changed);

        preferences.savePreferences(ReceiverPreferences.none(at("bob")));
        assertThat(preferences.preferencesOf(at("bob"))).isEqualTo(ReceiverPreferences.none(at("bob")));
    }

    @Test
    void eachPersonHasTheirOwnAndTheSameIdOnTwoPlatformsIsTwoPeople() {
        ReceiverPreferences bobs = new ReceiverPreferences(at("bob"), false, Map.of());
        ReceiverPreferences telegramBobs = new ReceiverPreferences(onTelegram("bob"), true, Map.of(at("alice"),
                SenderRule.BLOCKED));
        preferences.savePreferences(bobs);
        preferences.savePreferences(telegramBobs);

        assertThat(preferences.preferencesOf(at("bob"))).isEqualTo(bobs);
        assertThat(preferences.preferencesOf(onTelegram("bob"))).isEqualTo(telegramBobs);
        assertThat(preferences.preferencesOf(at("alice"))).isEqualTo(ReceiverPreferences.none(at("alice")));
    }

    @Test
    void asManyRulesAsAPersonMayHaveAreKept() {
        Map<ChatAddress, SenderRule> rules = new HashMap<>();
        for (int i = 0; i < ReceiverPreferences.MAX_RULES; i++) {
            rules.put(at("sender-" + i), SenderRule.values()[i % SenderRule.values().length]);
        }
        ReceiverPreferences many = new ReceiverPreferences(at("bob"), true, rules);

        preferences.savePreferences(many);

        assertThat(preferences.preferencesOf(at("bob"))).isEqualTo(many);
    }
}
