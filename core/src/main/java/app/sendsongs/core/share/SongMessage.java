package app.sendsongs.core.share;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.shared.Texts;

/** The message that delivers a shared song, to one friend or to a group's member. */
public final class SongMessage {
    private SongMessage() {
    }

    /** {@code heading}, the title, the {@code pre} note and the link. */
    public static Message of(String heading, Share share) {
        StringBuilder text = new StringBuilder("🎵 " + heading + share.track().title());
        if (!share.pre().isEmpty()) {
            text.append("\n").append(Texts.note(share.pre()));
        }
        return Message.text(text.append("\n").append(share.track().id().link()).toString());
    }
}
