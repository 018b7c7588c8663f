package app.sendsongs.bench.load;

import app.sendsongs.bench.load.Population.Person;
import app.sendsongs.bench.load.Workload.Event;
import app.sendsongs.bench.load.Workload.Request;
import app.sendsongs.sandbox.WebhookSigner;
import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The chat platform a load test speaks on: what its people are called, how their messages reach the bot (Messenger's
 * signed webhook POSTs, Telegram's updates with the secret header), and where the bot's messages to them land.
 */
public enum LoadPlatform {
    MESSENGER {
        @Override
        Map<String, String> serverEnvironment() {
            return Map.of("MESSENGER_APP_SECRET", APP_SECRET);
        }

        @Override
        String webhookPath() {
            return "/webhook";
        }

        @Override
        String psid(int number) {
            return "load-" + number;
        }

        @Override
        String command(String word) {
            return word;
        }

        @Override
        void say(SandboxControl sandbox, Person person, String text) {
            sandbox.say(person.psid(), text);
        }

        @Override
        Request request(List<Event> events, String host) {
            return Workload.signedPost(List.of(events), SIGNER, host);
        }

        @Override
        int messagesPerSong() {
            return 2; // a text, then the song's card
        }

        @Override
        boolean pacesChatsInRealTime() {
            return false;
        }

        @Override
        long delivered(SandboxControl sandbox) {
            return sandbox.messengerStats().path("delivered").asLong();
        }

        @Override
        Map<String, List<String>> inboxes(SandboxControl sandbox) {
            return sandbox.inboxes();
        }
    },

    /**
     * Telegram with paid broadcasts (the bot sends up to 950 messages a second in all, under Telegram's 1,000): at
     * Telegram's free 30 a second, Telegram's limit, not the bot, would be measured. One update a POST, as Telegram sends them.
     */
    TELEGRAM {
        @Override
        Map<String, String> serverEnvironment() {
            return Map.of("TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET, "TELEGRAM_MESSAGES_PER_SECOND", "950");
        }

        @Override
        String webhookPath() {
            return "/telegram/webhook";
        }

        @Override
        String psid(int number) {
            return Long.toString(FIRST_TELEGRAM_ID + number);
        }

        @Override
        String command(String word) {
            return "/" + (word.equals("send_song") ? "send" : word);
        }

        @Override
        void say(SandboxControl sandbox, Person person, String text) {
            sandbox.telegramSays(Long.parseLong(person.psid()), "Listener", text);
        }

        @Override
        Request request(List<Event> events, String host) {
            if (events.size() != 1) {
                throw new IllegalArgumentException("Telegram sends one update a POST");
            }
            byte[] body = update(events.getFirst());
            return new Request(LoopbackHttp.post(host, webhookPath(), "application/json", body,
                    "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET), body, events, false);
        }

        @Override
        int messagesPerSong() {
            return 1; // the text and the card's link and buttons in one message
        }

        @Override
        boolean pacesChatsInRealTime() {
            return true; // about a message a second in a chat; a later one waits for its chat's turn
        }

        @Override
        long delivered(SandboxControl sandbox) {
            return sandbox.telegramStats().path("sent").asLong();
        }

        @Override
        Map<String, List<String>> inboxes(SandboxControl sandbox) {
            return sandbox.telegramChats();
        }
    };

    private static final String APP_SECRET = "load-test-app-secret";
    private static final String TELEGRAM_SECRET = "load-test-telegram-secret";
    private static final WebhookSigner SIGNER = new WebhookSigner(APP_SECRET);
    private static final long FIRST_TELEGRAM_ID = 8_000_000_000L;
    private static final long FIRST_UPDATE_ID = 900_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Often enough to time handling to a few hundredths of a second, rarely enough to cost the server little. */
    private static final Duration POLL = Duration.ofMillis(20);
    /** How long the bot may send nothing before held messages are looked at (see {@link #retryHeld}). */
    private static final Duration STALL = Duration.ofSeconds(3);
    /** The shortest wait before the bot retries a message a platform refused for now. */
    private static final Duration RETRY_STEP = Duration.ofSeconds(61);

    /** The server's settings for this platform (the demo fills in the rest). */
    abstract Map<String, String> serverEnvironment();

    /** Where the platform POSTs to the bot. */
    abstract String webhookPath();

    /** The platform's id of the person with this number. */
    abstract String psid(int number);

    /** A command as people type it on this platform: {@code send_song} is {@code /send} on Telegram. */
    abstract String command(String word);

    /** The person writes through the emulated platform, as they would in the app. */
    abstract void say(SandboxControl sandbox, Person person, String text);

    /** A webhook POST carrying {@code events}, as the platform would send it. */
    abstract Request request(List<Event> events, String host);

    /** How many messages the bot sends to deliver one song. */
    abstract int messagesPerSong();

    /**
     * Whether the bot keeps to a pace in each chat, counted in real time, and holds what must wait for it: the sandbox
     * clock then moves with real time while the load test runs (see {@link RealTimeClock}), never by jumps.
     */
    abstract boolean pacesChatsInRealTime();

    /** How many messages the bot has sent so far, to everyone. */
    abstract long delivered(SandboxControl sandbox);

    /** What the bot sent each person, oldest first, by their id. */
    abstract Map<String, List<String>> inboxes(SandboxControl sandbox);

    /**
     * Polls {@link #delivered} until it satisfies {@code done} or {@code timeout} passes; the {@link System#nanoTime()}
     * when it was first seen satisfied, or -1 after the timeout.
     */
    long awaitDelivered(SandboxControl sandbox, LongPredicate done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        long progressAt = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long delivered = delivered(sandbox);
            if (done.test(delivered)) {
                return System.nanoTime();
            }
            if (delivered != seen) {
                seen = delivered;
                progressAt = System.nanoTime();
            } else if (!pacesChatsInRealTime() && System.nanoTime() - progressAt > STALL.toNanos()) {
                retryHeld(sandbox);
                progressAt = System.nanoTime();
            }
            ServerProcess.sleep(POLL);
        }
        return -1;
    }

    /**
     * The demo's clock stands still unless moved, so a message the bot held after a refusal (a 429) would wait for
     * ever: when nothing has been sent for {@link #STALL}, the clock is moved on by {@link #RETRY_STEP}, as that much
     * real time passing would, and the bot retries what it held. Said on the console, since it adds to the time. Not
     * where the clock follows real time ({@link #pacesChatsInRealTime}): a jump could end the lease of a message whose
     * send is still under way.
     */
    private void retryHeld(SandboxControl sandbox) {
        String refused = this == TELEGRAM ? " (" + sandbox.telegramStats().path("rate_limited").asLong() + " 429s from Telegram so far)" : "";
        System.out.printf("  nothing sent for %d s: the sandbox clock moves on %d s so held messages are retried%s%n",
                STALL.toSeconds(), RETRY_STEP.toSeconds(), refused);
        sandbox.advanceSeconds(RETRY_STEP.toSeconds());
    }

    /** A private message from the event's sender, as Telegram POSTs it; its {@code update_id} comes from the event. */
    private static byte[] update(Event event) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", FIRST_UPDATE_ID + event.index());
        ObjectNode message = update.putObject("message");
        message.put("message_id", event.index() + 1);
        long from = Long.parseLong(event.sender().psid());
        message.putObject("from").put("id", from).put("is_bot", false).put("first_name", "Listener");
        message.putObject("chat").put("id", from).put("type", "private").put("first_name", "Listener");
        message.put("date", System.currentTimeMillis() / 1000);
        message.put("text", event.text());
        try {
            return JSON.writeValueAsBytes(update);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
