package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happened in a group chat ({@link Inbound.InGroupChat}, its chat and action) as one string, so that a store's
 * inbox can keep it in the one text column it keeps other events' text in: fields written as their length, ':' and
 * the field, one after the other (no separator to escape). The chat's title is stored beside it, as a tap's title is.
 * A command's fields are its name, its arguments, then the text it replied to and that text's author when known
 * (events stored before authors were kept end at the text). The first field is where in the chat it happened: the
 * chat's address, or its topic's ({@link ChatPlace}), which events stored before topics were kept never are.
 */
public final class GroupChatEventText {
    private GroupChatEventText() {
    }

    /** The chat's (or its topic's) address and the action, as one string. */
    public static String of(Inbound.InGroupChat event) {
        List<String> fields = new ArrayList<>();
        fields.add(event.chat().answersTo().key());
        switch (event.action()) {
            case GroupChatAction.Command command -> {
                fields.add("command");
                fields.add(command.name());
                fields.add(command.arguments());
                command.repliedText().ifPresent(fields::add);
                command.repliedAuthor().map(ChatAddress::key).ifPresent(fields::add);
            }
            case GroupChatAction.Tap tap -> {
                fields.add("tap");
                fields.add(tap.payload());
                fields.add(tap.tapId());
            }
            case GroupChatAction.Edited edited -> fields.add("edited");
            case GroupChatAction.BotAdded added -> fields.add("added");
            case GroupChatAction.BotRemoved removed -> fields.add("removed");
            case GroupChatAction.Renamed renamed -> fields.add("renamed");
            case GroupChatAction.MemberLeft left -> {
                fields.add("left");
                fields.add(left.member().key());
            }
            case GroupChatAction.Moved moved -> {
                fields.add("moved");
                fields.add(moved.to().key());
            }
        }
        StringBuilder text = new StringBuilder();
        fields.forEach(field -> text.append(field(field)));
        return text.toString();
    }

    /**
     * How the text of a move to {@code to} ends: a store finds the moves to a chat by it, then reads each back to be
     * sure (another event's last field may end the same).
     */
    public static String endingOfMoveTo(ChatAddress to) {
        return field("moved") + field(to.key());
    }

    private static String field(String field) {
        return field.length() + ":" + field;
    }

    /** The event {@link #of} wrote; an {@link IllegalArgumentException} if {@code text} is not one. */
    public static Inbound.InGroupChat read(String eventId, ChatAddress from, Instant at, String text,
                                           String title) {
        List<String> fields = fields(text);
        if (fields.size() < 2) {
            throw new IllegalArgumentException("a group chat event needs its chat and action");
        }
        ChatPlace place = ChatPlace.of(ChatAddress.parse(fields.get(0)));
        GroupChat chat = new GroupChat(place.chat(), title, place.topic());
        List<String> rest = fields.subList(2, fields.size());
        GroupChatAction action = switch (fields.get(1)) {
            case "command" -> new GroupChatAction.Command(field(rest, 0), field(rest, 1),
                    rest.size() > 2 ? Optional.of(rest.get(2)) : Optional.empty(),
                    rest.size() > 3 ? Optional.of(ChatAddress.parse(rest.get(3))) : Optional.empty());
            case "tap" -> new GroupChatAction.Tap(field(rest, 0), field(rest, 1));
            case "edited" -> new GroupChatAction.Edited();
            case "added" -> new GroupChatAction.BotAdded();
            case "removed" -> new GroupChatAction.BotRemoved();
            case "renamed" -> new GroupChatAction.Renamed();
            case "left" -> new GroupChatAction.MemberLeft(ChatAddress.parse(field(rest, 0)));
            case "moved" -> new GroupChatAction.Moved(ChatAddress.parse(field(rest, 0)));
            default -> throw new IllegalArgumentException("a group chat action of unknown kind");
        };
        return new Inbound.InGroupChat(eventId, from, at, chat, action);
    }

    private static String field(List<String> fields, int index) {
        if (index >= fields.size()) {
            throw new IllegalArgumentException("a group chat event lacks a field");
        }
        return fields.get(index);
    }

    private static List<String> fields(String text) {
        List<String> fields = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int colon = text.indexOf(':', at);
            if (colon < 0) {
                throw new IllegalArgumentException("a group chat event's field has no length");
            }
            int end;
            try {
                end = colon + 1 + Integer.parseInt(text.substring(at, colon));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a group chat event's field has no length");
            }
            if (end < colon + 1 || end > text.length()) {
                throw new IllegalArgumentException("a group chat event's field is cut short");
            }
            fields.add(text.substring(colon + 1, end));
            at = end;
        }
        return fields;
    }
}
