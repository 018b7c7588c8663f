package app.sendsongs.core.chat;

import java.time.Instant;

/** A text a person sent to the bot. {@code mid} is the platform's id, the same on redelivery. */
public record InboundMessage(String mid, String senderPsid, String text, Instant sentAt) {
}
