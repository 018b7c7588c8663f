package app.sendsongs.core.fakes;

import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.shared.ChatAddress;
import java.util.HashMap;
import java.util.Map;

/** {@link PreferenceStore} in a map. */
public final class InMemoryPreferences implements PreferenceStore {
    private final Map<ChatAddress, ReceiverPreferences> preferences = new HashMap<>();

    @Override
    public synchronized ReceiverPreferences preferencesOf(ChatAddress receiver) {
        return preferences.getOrDefault(receiver, ReceiverPreferences.none(receiver));
    }

    @Override
    public synchronized void savePreferences(ReceiverPreferences chosen) {
        if (chosen.isNone()) {
            preferences.remove(chosen.receiver());
        } else {
            preferences.put(chosen.receiver(), chosen);
        }
    }

    synchronized void forget(ChatAddress person) {
        preferences.remove(person);
    }
}
