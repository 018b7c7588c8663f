package app.sendsongs.telegram;

/** Who the bot is, as {@code getMe} says: its user id and username (what group commands are addressed to). */
public record BotIdentity(long id, String username) {
}
