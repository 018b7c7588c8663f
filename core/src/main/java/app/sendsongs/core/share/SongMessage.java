package app.sendsongs.core.share;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.SongCard;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * The message that delivers a shared song, to one friend or to a group's member: who sent what, and the {@code pre}
 * note, then the song as a card (cover, title, artists, "Open in Spotify") with a tap for "don't tell <sender>"
 * (or "tell", when receipts are off for them) and one for "block <sender>". A platform without cards shows it all
 * as text, each tap as what to type.
 */
public final class SongMessage {
    static final String OPEN = "Open in Spotify";

    private SongMessage() {
    }

    /**
     * @param heading     who sent it, as "Alice Smith sent you a song"
     * @param senderName  the sender's name, for the taps
     * @param receiptsOn  whether the receiver tells this sender when they play their songs
     */
    public static Message of(String heading, Share share, String senderName, boolean receiptsOn) {
        return of(heading, Optional.empty(), share, senderName, receiptsOn);
    }

    /** As {@link #of(String, Share, String, boolean)}, with a line of caution about the sender under the heading. */
    public static Message of(String heading, Optional<String> caution, Share share, String senderName,
                             boolean receiptsOn) {
        // the title in the text too: it is what a phone's notification of the message shows
        StringBuilder text = new StringBuilder("🎵 " + heading + ": " + share.track().title());
        caution.ifPresent(line -> text.append("\n⚠️ ").append(line));
        if (!share.pre().isEmpty()) {
            text.append("\n").append(Texts.note(share.pre()));
        }
        return Message.text(text.toString()).withCard(card(share, senderName, receiptsOn));
    }

    /**
     * A song one friend sent straight to the receiver ({@code share}, from {@code senderName}), with a line of caution
     * about the sender if any; the taps as the share's receipts are.
     */
    public static Message direct(String senderName, Optional<String> caution, Share share) {
        return of(senderName + " sent you a song", caution, share, senderName, !share.receiptsOff());
    }

    private static SongCard card(Share share, String senderName, boolean receiptsOn) {
        String first = Names.firstName(senderName);
        Button receipts = receiptsOn
                ? new Button.Reply("Don't tell " + first, SenderOfSong.payload("receipts off", share))
                : new Button.Reply("Tell " + first, SenderOfSong.payload("receipts on", share));
        SongCard card = card(share.track());
        return card.withButtons(List.of(card.buttons().getFirst(), receipts,
                new Button.Reply("Block " + first, SenderOfSong.payload("block", share))));
    }

    /** The song as a card: cover, title, artists, and a button that opens it in Spotify. */
    public static SongCard card(Track track) {
        URI link = URI.create(track.id().link());
        SongCard card = SongCard.of(track.name(), track.artistLine(), link).withButtons(List.of(
                new Button.Link(OPEN, link)));
        return cover(track).map(card::withImage).orElse(card);
    }

    /** The album cover, when the catalogue gave a usable https (or http) address for it. */
    private static Optional<URI> cover(Track track) {
        return track.albumImageUrl().flatMap(url -> {
            try {
                URI uri = new URI(url);
                boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
                return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        });
    }
}
