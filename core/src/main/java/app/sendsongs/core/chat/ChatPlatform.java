package app.sendsongs.core.chat;

/** Port: the chat platform (Messenger) as the core needs it. */
public interface ChatPlatform {
    /** Longest text one message may carry. */
    int MAX_TEXT = 2000;

    SendOutcome send(String psid, String text, MessageKind kind);
}
