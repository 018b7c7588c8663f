package app.sendsongs.core.compose;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.share.TrackLookup;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The song someone not registered yet pasted (or sent with {@code send_song}), kept until they connect, so they need
 * not paste it again: a share draft at their chat address, just begun ("Who is it for?", nothing offered). Only the
 * song is kept (its id and "Title by Artist"), not the words or names typed with it; only the newest one (a draft is
 * one per address); for {@link #LIFETIME}, as long as the personal link of the welcome works. Once they have
 * registered, its share starts as if they had just pasted it; forget_me before that deletes it.
 */
final class KeptSongs {
    /** As long as the welcome's personal link works: past it, they have to ask for another link anyway. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private final DraftStore store;
    private final TrackLookup tracks;
    private final ShareStart start;
    private final Clock clock;

    KeptSongs(DraftStore store, TrackLookup tracks, ShareStart start, Clock clock) {
        this.store = store;
        this.tracks = tracks;
        this.start = start;
        this.clock = clock;
    }

    /**
     * Keeps {@code song} for {@code newcomer} when the catalogue has it, in the place of one kept before; what to tell
     * them, before the welcome: that it is kept, or why it cannot be sent.
     */
    String keep(ChatAddress newcomer, SongLink song) {
        return switch (tracks.find(song)) {
            case TrackLookup.Result.Refused(String reply) -> reply;
            case TrackLookup.Result.Found(Track track) -> {
                store.saveDraft(new ShareDraft(newcomer, track.id(), track.title(), "", "", ShareDraft.Stage.WHO,
                        Optional.empty(), List.of(), clock.instant().plus(LIFETIME)));
                yield "I'll keep " + track.title() + " for you: once you've connected, I'll ask who it's for.";
            }
        };
    }

    /**
     * {@code person}, registered just now: the share of the song kept for them begins ("Who is … for?"), in the place
     * of the one kept; empty when none is kept, or it is older than {@link #LIFETIME}. When the catalogue cannot name
     * the song now, they are told so and it is dropped.
     */
    Optional<Message> registered(User person) {
        Optional<ShareDraft> kept = store.findDraft(person.address())
                .filter(draft -> draft.expiresAt().isAfter(clock.instant()));
        if (kept.isEmpty()) {
            store.deleteDraft(person.address());
            return Optional.empty();
        }
        return Optional.of(switch (tracks.find(kept.get().track())) {
            case TrackLookup.Result.Found(Track track) -> start.kept(person, track);
            case TrackLookup.Result.Refused(String reply) -> {
                store.deleteDraft(person.address());
                yield Message.text("You sent me " + kept.get().title() + " before connecting. " + reply);
            }
        });
    }

    /** {@code newcomer} asked to be forgotten: the song kept for them goes. */
    void forget(ChatAddress newcomer) {
        store.deleteDraft(newcomer);
    }
}
