package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/** A song a person sent or was sent, as little as who knows whom needs: the other person, and when it was sent. */
public record Exchange(ChatAddress with, Instant at) {
}
