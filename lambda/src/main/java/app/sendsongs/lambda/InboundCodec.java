package app.sendsongs.lambda;

import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.HandleSeen;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The body of a queued event: a small JSON form of the core's {@link Inbound}, for example
 * <pre>{"version":1,"kind":"text","eventId":"m_1","from":"messenger:6483920174825591",
 * "at":"2025-11-25T09:59:59.871Z","text":"help"}</pre>
 * Kinds: {@code text} ({@code text}), {@code choice} and {@code button} ({@code payload}, {@code title}),
 * {@code link} ({@code ref}), {@code unreadable} ({@code what}: a photo, a voice message...), {@code blocked} and
 * {@code unblocked} (nothing more), {@code group} (what happened in a
 * group chat: {@code chat} and {@code title}, {@code topic} when it happened in one of the chat's topics (a body
 * without it, as builds before topics wrote, is in none), and {@code action}: {@code command} with {@code name}, {@code arguments}
 * and {@code replied} and {@code repliedBy} (its author's address) if any, {@code tap} with {@code payload} and {@code tapId}, {@code bot_added},
 * {@code bot_removed}, {@code member_left} with {@code member}). {@code handle}, with any kind: the handle the
 * platform showed for the sender with the event (a Telegram {@code username}), {@code ""} when it showed they have
 * none; a body without it (from Messenger, or written before handles came along) tells nothing of it, and a build
 * before it ignores it. The version lets a function refuse a body written by a build it does not understand rather
 * than misread it. Everything outside ASCII is written as a {@code \u005Cu}
 * escape, so a body holds only characters SQS accepts whatever the person typed (even a lone surrogate), and its
 * length in characters is its size in bytes, at most {@value #MAX_BYTES}: the queue's message size limit.
 */
final class InboundCodec {
    static final int VERSION = 1;
    /** The largest body, in bytes: SQS's classic message size limit, which the queue is created with. */
    static final int MAX_BYTES = 262_144;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** An event whose body would be larger than {@value #MAX_BYTES} bytes. */
    static final class TooLargeException extends IllegalArgumentException {
        TooLargeException(int bytes) {
            super("an event of " + bytes + " bytes does not fit in a queue message (at most " + MAX_BYTES + ")");
        }
    }

    private InboundCodec() {
    }

    /** A queued event, and the handle the platform showed for its sender with it, when it showed one or none. */
    record Queued(Inbound event, Optional<HandleSeen> seen) {
    }

    /** @throws TooLargeException when the body would be larger than {@value #MAX_BYTES} bytes */
    static String encode(Inbound event) {
        return encode(event, Optional.empty());
    }

    /**
     * As {@link #encode(Inbound)}, with the handle {@code seen} for the event's sender.
     *
     * @throws TooLargeException when the body would be larger than {@value #MAX_BYTES} bytes
     */
    static String encode(Inbound event, Optional<HandleSeen> seen) {
        ObjectNode json = JSON.createObjectNode();
        json.put("version", VERSION);
        json.put("kind", kind(event));
        json.put("eventId", event.eventId());
        json.put("from", event.from().key());
        json.put("at", event.at().toString());
        switch (event) {
            case Inbound.Text text -> json.put("text", text.text());
            case Inbound.ChoiceTapped tap -> json.put("payload", tap.payload()).put("title", tap.title());
            case Inbound.ButtonTapped tap -> json.put("payload", tap.payload()).put("title", tap.title());
            case Inbound.OpenedLink opened -> json.put("ref", opened.ref());
            case Inbound.Unreadable unreadable -> json.put("what", unreadable.what());
            case Inbound.Edited edited -> { }
            case Inbound.BotBlocked blocked -> { }
            case Inbound.BotUnblocked unblocked -> { }
            case Inbound.InGroupChat inGroup -> putGroupChat(json, inGroup);
        }
        seen.filter(about -> about.person().equals(event.from()))
                .ifPresent(about -> json.put("handle", about.handle().orElse("")));
        String body = write(json);
        if (body.length() > MAX_BYTES) {
            throw new TooLargeException(body.length());
        }
        return body;
    }

    /**
     * Reads a body {@link #encode} wrote.
     *
     * @throws IllegalArgumentException naming what is wrong (never the person's text) when the body is too large,
     *                                  not JSON, of another version, or lacks a field
     */
    static Inbound decode(String body) {
        return read(body).event();
    }

    /** As {@link #decode}, with the handle the body carries for the sender, if it carries one. */
    static Queued read(String body) {
        if (body.length() > MAX_BYTES) {
            throw new IllegalArgumentException("a queued event of " + body.length() + " characters is larger than "
                    + MAX_BYTES);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("a queued event is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a queued event is not a JSON object");
        }
        JsonNode version = json.get("version");
        if (version == null) {
            throw new IllegalArgumentException("a queued event has no version");
        }
        if (!version.isInt() || version.intValue() != VERSION) {
            throw new IllegalArgumentException("a queued event of version " + version + " cannot be read here (version "
                    + VERSION + " can)");
        }
        try {
            Inbound event = read(json);
            Optional<HandleSeen> seen = json.has("handle") ? Optional.of(new HandleSeen(event.from(),
                    Optional.of(text(json, "handle")).filter(handle -> !handle.isEmpty()))) : Optional.empty();
            return new Queued(event, seen);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a queued event has an unreadable field: " + e.getMessage());
        }
    }

    private static Inbound read(JsonNode json) {
        String eventId = text(json, "eventId");
        ChatAddress from = ChatAddress.parse(text(json, "from"));
        Instant at = Instant.parse(text(json, "at"));
        String kind = text(json, "kind");
        return switch (kind) {
            case "text" -> new Inbound.Text(eventId, from, at, text(json, "text"));
            case "choice" -> new Inbound.ChoiceTapped(eventId, from, at, text(json, "payload"), text(json, "title"));
            case "button" -> new Inbound.ButtonTapped(eventId, from, at, text(json, "payload"), text(json, "title"));
            case "link" -> new Inbound.OpenedLink(eventId, from, at, text(json, "ref"));
            case "unreadable" -> new Inbound.Unreadable(eventId, from, at, text(json, "what"));
            case "edited" -> new Inbound.Edited(eventId, from, at);
            case "blocked" -> new Inbound.BotBlocked(eventId, from, at);
            case "unblocked" -> new Inbound.BotUnblocked(eventId, from, at);
            case "group" -> new Inbound.InGroupChat(eventId, from, at, new GroupChat(ChatAddress.parse(text(json,
                    "chat")), text(json, "title"), json.has("topic") ? Optional.of(text(json, "topic"))
                    : Optional.empty()), groupAction(json));
            default -> throw new IllegalArgumentException("a queued event of unknown kind " + kind);
        };
    }

    private static void putGroupChat(ObjectNode json, Inbound.InGroupChat event) {
        json.put("chat", event.chat().address().key()).put("title", event.chat().title());
        event.chat().topic().ifPresent(topic -> json.put("topic", topic));
        switch (event.action()) {
            case GroupChatAction.Command command -> {
                json.put("action", "command").put("name", command.name()).put("arguments", command.arguments());
                command.repliedText().ifPresent(replied -> json.put("replied", replied));
                command.repliedAuthor().ifPresent(author -> json.put("repliedBy", author.key()));
            }
            case GroupChatAction.Tap tap -> json.put("action", "tap").put("payload", tap.payload())
                    .put("tapId", tap.tapId());
            case GroupChatAction.Edited edited -> json.put("action", "edited");
            case GroupChatAction.BotAdded added -> json.put("action", "bot_added");
            case GroupChatAction.BotRemoved removed -> json.put("action", "bot_removed");
            case GroupChatAction.Renamed renamed -> json.put("action", "renamed");
            case GroupChatAction.MemberLeft left -> json.put("action", "member_left")
                    .put("member", left.member().key());
            case GroupChatAction.Moved moved -> json.put("action", "moved").put("to", moved.to().key());
        }
    }

    private static GroupChatAction groupAction(JsonNode json) {
        String action = text(json, "action");
        return switch (action) {
            case "command" -> new GroupChatAction.Command(text(json, "name"), text(json, "arguments"),
                    json.has("replied") ? Optional.of(text(json, "replied")) : Optional.empty(),
                    json.has("repliedBy") ? Optional.of(ChatAddress.parse(text(json, "repliedBy"))) : Optional.empty());
            case "tap" -> new GroupChatAction.Tap(text(json, "payload"), text(json, "tapId"));
            case "edited" -> new GroupChatAction.Edited();
            case "bot_added" -> new GroupChatAction.BotAdded();
            case "bot_removed" -> new GroupChatAction.BotRemoved();
            case "renamed" -> new GroupChatAction.Renamed();
            case "member_left" -> new GroupChatAction.MemberLeft(ChatAddress.parse(text(json, "member")));
            case "moved" -> new GroupChatAction.Moved(ChatAddress.parse(text(json, "to")));
            default -> throw new IllegalArgumentException("a queued group chat event of unknown action " + action);
        };
    }

    private static String write(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("a tree of strings could not be written", e);
        }
    }

    private static String kind(Inbound event) {
        return switch (event) {
            case Inbound.Text text -> "text";
            case Inbound.ChoiceTapped tap -> "choice";
            case Inbound.ButtonTapped tap -> "button";
            case Inbound.OpenedLink opened -> "link";
            case Inbound.Unreadable unreadable -> "unreadable";
            case Inbound.Edited edited -> "edited";
            case Inbound.BotBlocked blocked -> "blocked";
            case Inbound.BotUnblocked unblocked -> "unblocked";
            case Inbound.InGroupChat inGroup -> "group";
        };
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("a queued event lacks the text field " + field);
        }
        return value.textValue();
    }
}
