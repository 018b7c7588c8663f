package app.sendsongs.lambda;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.shared.Platform;

/**
 * The chat platform of a function that must never message anyone (the registration function holds no page
 * token). Reaching it is a wiring error, reported loudly rather than swallowed.
 */
final class NoMessaging implements ChatPlatform {
    @Override
    public Platform platform() {
        return Platform.MESSENGER;
    }

    @Override
    public int maxTextLength() {
        return 2000;
    }

    @Override
    public boolean showsRichMessages() {
        return false;
    }

    @Override
    public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
        throw new IllegalStateException("this function has no Messenger access; a message was about to be sent");
    }
}
