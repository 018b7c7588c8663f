package app.sendsongs.telegram;

/**
 * A user's standing in a chat, as {@code getChatMember} reports it (https://core.telegram.org/bots/api#chatmember).
 * {@code member} is whether they are in the chat now: a restricted user may be in it or not.
 */
public record ChatMember(Status status, boolean member) {
    public enum Status { CREATOR, ADMINISTRATOR, MEMBER, RESTRICTED, LEFT, KICKED }
}
