package app.sendsongs.core.groupchat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/**
 * A Count me in tapped in {@code chat} by {@code person} before they had connected, kept until {@code expiresAt} so
 * that they are counted in once they have ({@link WaitingTaps}).
 */
public record WaitingTap(ChatAddress person, ChatAddress chat, Instant expiresAt) {
}
