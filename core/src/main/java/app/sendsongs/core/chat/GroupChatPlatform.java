package app.sendsongs.core.chat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Port: the group chats of a platform where the bot can take part in them (Telegram), offered by that platform's
 * {@link ChatPlatform#groupChats()}. Chats are named by their id on the platform ({@link GroupChat#address()}'s id).
 * The bot posts in a chat as it sends any message, through the {@link Outbox} and {@link ChatPlatform#send} to the
 * chat's address, which answers the post's id ({@link SendOutcome.Sent#messageRef()}); this port edits the posts,
 * tells who is in a chat and answers taps. An edit is not held for later: one that cannot go now says so, and the
 * caller decides. Every refusal or failure is an outcome, never an exception.
 */
public interface GroupChatPlatform {
    /** What became of an edit. */
    sealed interface Outcome {
        /** Edited (or already showing that); {@code messageRef} names the message. */
        record Posted(String messageRef) implements Outcome {
        }

        /** The bot cannot edit the message any more (it is deleted, the chat is gone): trying again will not help. */
        record Gone(String reason) implements Outcome {
        }

        /** The bot is not in the chat now (it was removed): the message can be edited once it is added back. */
        record OutOfChat(String reason) implements Outcome {
        }

        /** A passing failure (the chat's rate limit, an outage): try again, after {@code retryAfter} if given. */
        record RetryLater(String reason, Optional<Duration> retryAfter) implements Outcome {
        }
    }

    /** Whether a person is in a chat now, as far as the platform says. */
    enum Membership {
        IN,
        OUT,
        /** The platform could not say just now. */
        UNKNOWN
    }

    /** Replaces the text and taps of one of the bot's messages in the chat; unchanged content is {@code Posted}. */
    Outcome edit(String chatId, String messageRef, Message message);

    /** The chat's title now, as the platform gives it; empty when it cannot say just now (or the chat is gone). */
    Optional<String> title(String chatId);

    /**
     * The id the chat {@code chatId} goes on at, when the platform says it moved (a Telegram group upgraded to a
     * supergroup: a new chat, the old id taking no more calls); empty when it did not, or the platform cannot say now.
     */
    Optional<String> movedTo(String chatId);

    /** Whether {@code personId} (the platform's id of them) is in the chat now. */
    Membership membership(String chatId, String personId);

    /**
     * Answers a tap ({@link GroupChatAction.Tap#tapId()}) with a short notice the person alone sees, and, when
     * {@code open} is given, a link their app opens (such as the bot's own chat, {@link #privateChatLink}).
     */
    void answerTap(String tapId, String notice, Optional<URI> open);

    /** A link that opens the person's private chat with the bot, carrying {@code ref} (as {@link Inbound.OpenedLink}). */
    URI privateChatLink(String ref);
}
