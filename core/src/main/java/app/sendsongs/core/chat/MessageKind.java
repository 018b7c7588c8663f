package app.sendsongs.core.chat;

/** Why a message is sent; a platform may treat the two differently (Messenger's messaging types). */
public enum MessageKind {
    /** An answer to something the person just wrote. */
    RESPONSE,
    /** News the person did not ask for just now (a friend played a song, a song arrived). */
    UPDATE
}
