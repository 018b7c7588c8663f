package app.sendsongs.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's public routes and the sandbox control API (sandbox/README.md), as the benchmarks use
 * them: on one port in the demo wiring, or on two when the emulators run in a process of their own.
 */
public final class SandboxControl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("id=\"registration-code\">([^<]+)<");
    /** Often enough to time handling to a few hundredths of a second, rarely enough to cost the server little. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final String app;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The demo: the bot and the emulators on one base URL. */
    public SandboxControl(String base) {
        this(base, base);
    }

    /** The bot at {@code app} ({@code /connect}), the emulators and their control API at {@code sandbox}. */
    public SandboxControl(String app, String sandbox) {
        this.app = app;
        this.base = sandbox;
    }

    /** The emulated Spotify catalogue's track ids. */
    public List<String> trackIds() {
        List<String> ids = new ArrayList<>();
        json(get(base + "/sandbox/spotify/tracks")).forEach(track -> ids.add(track.path("id").asText()));
        return ids;
    }

    /** How many messages the bot has sent so far, to everyone. */
    public long delivered() {
        return json(get(base + "/sandbox/messenger/stats")).path("delivered").asLong();
    }

    /**
     * Polls {@link #delivered()} until it satisfies {@code done} or {@code timeout} passes; returns
     * the {@link System#nanoTime()} when it was first seen satisfied, or -1 after the timeout.
     */
    public long awaitDelivered(LongPredicate done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(delivered())) {
                return System.nanoTime();
            }
            ServerProcess.sleep(POLL);
        }
        return -1;
    }

    /**
     * Every person's inbox: the texts the bot sent them, oldest first. A song's card, which follows the text that
     * delivers it, is left out: the text is what the benchmarks reconcile.
     */
    public Map<String, List<String>> inboxes() {
        Map<String, List<String>> all = new HashMap<>();
        json(get(base + "/sandbox/messenger/inbox")).properties().forEach(entry -> {
            List<String> texts = new ArrayList<>(entry.getValue().size());
            entry.getValue().forEach(message -> {
                if (!message.path("message").has("attachment")) {
                    texts.add(message.path("text").asText());
                }
            });
            all.put(entry.getKey(), texts);
        });
        return all;
    }

    /**
     * Lifts the emulated Send API's limits of calls a second per page (Messenger's 300) and calls a day per engaged
     * person (Messenger's 200): the load and crash tests put days of a crowd's messages into minutes and measure the
     * server, not Messenger's limits, which a real page would meet first (the server's backoff at them is tested on
     * its own).
     */
    public void liftSendApiLimit() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/messenger/limits"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("per_second", 1_000_000,
                        "per_engaged_person_per_day", 1_000_000)))).build());
        expect(response, 200);
    }

    /** How many messages the bot has sent through the emulated Telegram so far, edits not counted. */
    public long telegramSent() {
        return json(get(base + "/sandbox/telegram/stats")).path("sent").asLong();
    }

    /** How many of the bot's calls the emulated Telegram refused with a 429 so far. */
    public long telegramRateLimited() {
        return json(get(base + "/sandbox/telegram/stats")).path("rate_limited").asLong();
    }

    /** Moves the sandbox clock on and runs the work that fell due (held messages whose retry time came, ...). */
    public void advanceSeconds(long seconds) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/clock/advance"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("seconds", seconds)))).build());
        expect(response, 200);
    }

    /** Every Telegram chat's texts of the bot's messages, oldest first, by chat id (a person's is their id). */
    public Map<String, List<String>> telegramChats() {
        Map<String, List<String>> all = new HashMap<>();
        json(get(base + "/sandbox/telegram/chats")).properties().forEach(entry -> {
            List<String> texts = new ArrayList<>(entry.getValue().size());
            entry.getValue().forEach(text -> texts.add(text.asText()));
            all.put(entry.getKey(), texts);
        });
        return all;
    }

    /** The person writes to the bot in their private chat through the emulated Telegram (which starts the chat). */
    public void telegramSays(long from, String firstName, String text) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/telegram/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("from", from, "first_name", firstName,
                        "text", text)))).build());
        expect(response, 200);
    }

    /** The person writes to the bot through the emulated Messenger (which opens their 24-hour window). */
    public void say(String psid, String text) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/messenger/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("from", psid, "text", text)))).build());
        expect(response, 200);
    }

    /**
     * The connect round trip as Spotify user {@code spotifyUser}: /connect, consent, /callback; the one-time code.
     * Each round trip is its own browser: the callback carries the connect cookie its /connect set, as a browser's
     * would (the bot finishes a consent only in the browser that started it).
     */
    public String connectSpotify(String spotifyUser) {
        HttpResponse<String> start = get(app + "/connect");
        String browser = start.headers().firstValue("Set-Cookie").map(cookie -> cookie.split(";", 2)[0])
                .orElseThrow(() -> new IllegalStateException("/connect set no connect cookie"));
        String callback = location(get(location(start) + "&sandbox_user=" + spotifyUser));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(callback)).header("Cookie", browser)
                .GET().build());
        expect(page, 200);
        Matcher code = CODE.matcher(page.body());
        if (!code.find()) {
            throw new IllegalStateException("no registration code on the callback page");
        }
        return code.group(1);
    }

    private static String location(HttpResponse<String> response) {
        expect(response, 302);
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("a redirect without Location"));
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        expect(response, 200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
