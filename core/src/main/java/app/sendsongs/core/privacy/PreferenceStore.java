package app.sendsongs.core.privacy;

import app.sendsongs.core.shared.ChatAddress;

/**
 * Port: what each person chose about the songs friends send them ({@link ReceiverPreferences}), kept whole per
 * person. A person's commands are handled one at a time, so a read, a change and a save of their own preferences
 * do not race.
 */
public interface PreferenceStore {
    /** The person's choices; {@link ReceiverPreferences#none} when they made none. */
    ReceiverPreferences preferencesOf(ChatAddress receiver);

    /** Replaces the person's choices; saving {@link ReceiverPreferences#none} leaves nothing kept. */
    void savePreferences(ReceiverPreferences preferences);
}
