package app.sendsongs.server;

import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * People on Telegram driving a running demo only through HTTP: they write to the bot and tap its buttons through the
 * sandbox control API, and read what the bot sent to their chats there.
 */
final class TelegramPeople {
    private static final Duration POLL = Duration.ofMillis(10);

    private final SandboxClient sandbox;
    private final SandboxControl control;

    TelegramPeople(SandboxClient sandbox) {
        this.sandbox = sandbox;
        this.control = new SandboxControl(sandbox.base());
    }

    SandboxControl control() {
        return control;
    }

    /** The person writes in their private chat, with the first name their account shows; the answer of the control API. */
    JsonNode say(long person, String firstName, String text) {
        return control.telegramSays(person, firstName, text);
    }

    /** Says something in the private chat and waits for the bot's answer; returns every new message. */
    List<String> ask(long person, String text) {
        int before = texts(person).size();
        control.telegramSays(person, text);
        List<String> after = await(person, chat -> chat.size() > before);
        return after.subList(before, after.size());
    }

    /** Connects Spotify on the plain connect page and registers with the code; returns the bot's welcome. */
    String register(long person, String firstName, String spotifyUser, String name) {
        int before = texts(person).size();
        say(person, firstName, "/start");
        await(person, chat -> chat.size() > before);
        String code = sandbox.connectSpotify(spotifyUser);
        return ask(person, "/register code:\"" + code + "\" name:\"" + name + "\"").getLast();
    }

    /** The texts of the bot's messages in the chat (a person's private chat, or a group), edits applied. */
    List<String> texts(long chat) {
        List<String> texts = new ArrayList<>();
        control.telegramChat(chat).forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }

    /** The bot's messages in the chat as the chat shows them (text, keyboard, message id). */
    List<JsonNode> messages(long chat) {
        List<JsonNode> messages = new ArrayList<>();
        control.telegramChat(chat).forEach(messages::add);
        return messages;
    }

    String last(long chat) {
        List<String> texts = texts(chat);
        if (texts.isEmpty()) {
            throw new AssertionError("the bot sent nothing to chat " + chat);
        }
        return texts.getLast();
    }

    /** Polls the bot's messages in the chat until they satisfy {@code condition}. */
    List<String> await(long chat, Predicate<List<String>> condition) {
        long deadline = System.nanoTime() + SandboxClient.PATIENCE.toNanos();
        List<String> texts = texts(chat);
        while (!condition.test(texts)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited for the bot; chat " + chat + " shows: " + texts);
            }
            pause();
            texts = texts(chat);
        }
        return texts;
    }

    /** Waits until one of the bot's messages in the chat matches; returns them all. */
    List<String> awaitMessage(long chat, Predicate<String> matching) {
        return await(chat, texts -> texts.stream().anyMatch(matching));
    }

    /** Taps the button carrying {@code data} under the bot's message {@code messageId} of the chat. */
    String press(long person, long chat, long messageId, String data) {
        return control.telegramPress(person, chat, messageId, data);
    }

    /** Waits until the tap was answered; returns the answer. */
    JsonNode awaitAnswer(String callbackQueryId) {
        long deadline = System.nanoTime() + SandboxClient.PATIENCE.toNanos();
        JsonNode answer = control.telegramCallback(callbackQueryId);
        while (!answer.path("answered").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the tap " + callbackQueryId + " was never answered");
            }
            pause();
            answer = control.telegramCallback(callbackQueryId);
        }
        return answer;
    }

    /** The bot's message {@code messageId} in the chat as shown now. */
    JsonNode shown(long chat, long messageId) {
        return messages(chat).stream().filter(m -> m.path("message_id").asLong() == messageId).findFirst()
                .orElseThrow(() -> new AssertionError("no message " + messageId + " of the bot in chat " + chat));
    }

    /** Polls the bot's message {@code messageId} in the chat until it satisfies {@code condition}; returns it. */
    JsonNode awaitShown(long chat, long messageId, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + SandboxClient.PATIENCE.toNanos();
        JsonNode message = shown(chat, messageId);
        while (!condition.test(message)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited for the bot's message to change; it shows: " + message);
            }
            pause();
            message = shown(chat, messageId);
        }
        return message;
    }

    /** The titles of the buttons under the bot's message, in order. */
    static List<String> buttons(JsonNode message) {
        List<String> titles = new ArrayList<>();
        message.path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(button -> titles.add(button.path("text").asText())));
        return titles;
    }

    /** The button titled {@code text} under the bot's message. */
    static JsonNode button(JsonNode message, String text) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText().equals(text)) {
                    return button;
                }
            }
        }
        throw new AssertionError("no button " + text + " on " + message);
    }

    /** Taps the button titled {@code text} in the person's private chat; waits for the tap's answer and the reply. */
    List<String> tap(long person, JsonNode message, String text) {
        int before = texts(person).size();
        JsonNode answer = awaitAnswer(press(person, person, message.path("message_id").asLong(),
                button(message, text).path("callback_data").asText()));
        if (!answer.path("answered").asBoolean()) {
            throw new AssertionError("the tap on " + text + " was not answered");
        }
        List<String> after = await(person, chat -> chat.size() > before);
        return after.subList(before, after.size());
    }

    /** The person opens {@code url} (a {@code t.me} start link) and presses START; returns every new message. */
    List<String> open(long person, String firstName, String url) {
        int before = texts(person).size();
        control.telegramOpens(person, firstName, url);
        List<String> after = await(person, chat -> chat.size() > before);
        return after.subList(before, after.size());
    }

    /** POSTs {@code body} to the bot's Telegram webhook as Telegram would, with {@code secret} in its header (or none). */
    HttpResponse<String> postUpdate(String body, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.base() + "/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode group(long id, String title, List<Long> members) {
        return control.telegramGroup(id, title, members);
    }

    JsonNode sayIn(long chat, long person, String text) {
        return control.telegramSaysIn(chat, person, text);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
