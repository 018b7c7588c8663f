package app.sendsongs.lambda;

import app.sendsongs.sandbox.MessengerEmulator;
import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People using the deployed bot, driven only from outside: their browser on the HTTP API (connect, callback),
 * and the sandbox control API for what they do on Messenger and Spotify and for the passing of time.
 */
final class People {
    private static final Pattern CODE = Pattern.compile("id=\"registration-code\">([^<]+)<");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/connect/\\w+\\?link=[A-Za-z0-9_.-]+");
    private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        String location() {
            return headers.firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
        }

        JsonNode json() {
            try {
                return SampleEvents.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final String api;
    private final SandboxControl sandbox;
    private final LambdaWorld world;
    /** Keeps cookies as the person's browser does: the connect round trip is bound to it. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).build();

    People(LambdaWorld world) {
        this.api = world.api.baseUrl();
        this.sandbox = new SandboxControl(world.sandboxBase());
        this.world = world;
    }

    /**
     * The person writes to the bot on Messenger; the sandbox signs the event and posts it to the webhook, which
     * queues it; the queue's event source mapping then hands it to the inbound function.
     */
    void say(String psid, String text) {
        sandbox.say(psid, text);
        world.deliverQueued();
    }

    /** The person writes on Telegram, in their private chat or in a group; the update is queued and handled. */
    JsonNode telegramSays(long person, Long chat, String text) {
        JsonNode answer = chat == null ? sandbox.telegramSays(person, text) : sandbox.telegramSaysIn(chat, person, text);
        world.deliverQueued();
        return answer;
    }

    /** As {@link #telegramSays}, in the person's own chat, with the names and username their account shows. */
    JsonNode telegramSays(long person, String firstName, String lastName, String username, String text) {
        JsonNode answer = sandbox.telegramSays(person, firstName, lastName, username, text);
        world.deliverQueued();
        return answer;
    }

    /** The person writes on Telegram, in their private chat; the update is queued, not yet handled. */
    void telegramSaysWithoutDelivery(long person, String text) {
        sandbox.telegramSays(person, text);
    }

    /**
     * The person blocks the bot on Telegram, which tells the bot; the update is queued and handled. Telegram refuses
     * the bot's messages to them from now on.
     */
    void telegramBlocks(long person) {
        sandbox.telegramBlock(person);
        world.deliverQueued();
    }

    /** Telegram answers the bot's next call 403, as it does for a person who blocked the bot. */
    void telegramRefusesNextCallAsBlocked() {
        sandbox.fault("telegram", 403, 1, 0);
    }

    /** The person unblocks the bot on Telegram, which tells the bot; the update is queued and handled. */
    void telegramUnblocks(long person) {
        sandbox.telegramUnblock(person);
        world.deliverQueued();
    }

    /** What the bot sent to a Telegram chat (a person's, or a group), oldest first. */
    List<String> telegramChat(long chat) {
        List<String> texts = new java.util.ArrayList<>();
        sandbox.telegramChat(chat).forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }

    /** The person taps a button under the bot's message in a chat; the tap is handled; its answer. */
    JsonNode telegramPress(long person, long chat, long messageId, String data) {
        String tap = sandbox.telegramPress(person, chat, messageId, data);
        world.deliverQueued();
        return sandbox.telegramCallback(tap);
    }

    /** A Telegram group with the bot in it; the bot's welcome is handled. */
    void telegramGroup(long id, String title, List<Long> members) {
        sandbox.telegramGroup(id, title, members);
        world.deliverQueued();
    }

    JsonNode telegramMessages(long chat) {
        return sandbox.telegramChat(chat);
    }

    /** The person opens an {@code m.me} link carrying {@code ref}; the referral is queued and handled. */
    void openLink(String psid, String ref) {
        sandbox.openLink(psid, ref);
        world.deliverQueued();
    }

    /** The person writes, and the webhook queues it; nothing handles it yet. */
    /** The person taps the quick reply titled {@code title} under the bot's last message to them. */
    void tap(String psid, String title) {
        JsonNode sent = sandbox.inboxMessages(psid);
        for (JsonNode reply : sent.get(sent.size() - 1).path("message").path("quick_replies")) {
            if (reply.path("title").asText().equals(title)) {
                sandbox.tapQuickReply(psid, title, reply.path("payload").asText());
                world.deliverQueued();
                return;
            }
        }
        throw new AssertionError("no quick reply " + title + " under the last message to " + psid);
    }

    void sayWithoutDelivery(String psid, String text) {
        sandbox.say(psid, text);
    }

    List<String> inbox(String psid) {
        return sandbox.inbox(psid);
    }

    /** The link of the last card (generic template) the person got, as the Send API carried it. */
    String lastCardLink(String psid) {
        List<String> links = new java.util.ArrayList<>();
        sandbox.inboxMessages(psid).forEach(message -> message.path("message").path("attachment").path("payload")
                .path("elements").forEach(element -> links.add(element.path("default_action").path("url").asText())));
        if (links.isEmpty()) {
            throw new AssertionError(psid + " got no card");
        }
        return links.getLast();
    }

    /** How many cards (generic templates) the person got. */
    long cards(String psid) {
        return world.sandbox.messenger().inbox(psid).stream().filter(sent -> sent.message().has("attachment"))
                .count();
    }

    String lastMessage(String psid) {
        List<String> inbox = inbox(psid);
        if (inbox.isEmpty()) {
            throw new AssertionError(psid + " has no messages");
        }
        return inbox.getLast();
    }

    /** Says something and returns only the bot's replies to it. */
    List<String> ask(String psid, String text) {
        int before = inbox(psid).size();
        say(psid, text);
        List<String> after = inbox(psid);
        return after.subList(before, after.size());
    }

    /** Opens the connect link, consents on Spotify as {@code spotifyUser}, and reads the one-time code. */
    String connectSpotify(String spotifyUser) {
        Response connect = get(api + "/connect");
        check(connect, 302);
        Response consent = get(connect.location() + "&sandbox_user=" + spotifyUser);
        check(consent, 302);
        Response callback = get(consent.location());
        check(callback, 200);
        Matcher code = CODE.matcher(callback.body());
        if (!code.find()) {
            throw new AssertionError("no registration code on the callback page: " + callback.body());
        }
        return code.group(1);
    }

    /**
     * The person asks the bot to connect {@code source} and goes through the personal link it sent, as
     * {@code account} there (Spotify or Last.fm consent, or pasting the ListenBrainz user token); the page they end on.
     */
    Response connectOwn(String psid, String source, String account) {
        String link = personalLink(psid, source);
        if (source.equals("listenbrainz")) {
            return postForm(api + "/callback/listenbrainz", listenBrainzForm(link, account));
        }
        Response start = get(link);
        check(start, 302);
        Response consent = get(start.location() + "&sandbox_user=" + account);
        check(consent, 302);
        return get(consent.location());
    }

    /**
     * The person opens their personal link to ListenBrainz and fills in the paste page as {@code account}: the form
     * the page would post (its state and the account's user token), not sent yet.
     */
    String listenBrainzForm(String personalLink, String account) {
        Response page = get(personalLink);
        check(page, 200);
        Matcher state = STATE.matcher(page.body());
        if (!state.find()) {
            throw new AssertionError("no state on the paste page: " + page.body());
        }
        return "state=" + encode(state.group(1).replace("&amp;", "&")) + "&token="
                + encode(sandbox.listenBrainzToken(account));
    }

    /** The personal link the bot gives the person who asks to connect {@code source}. */
    String personalLink(String psid, String source) {
        String reply = ask(psid, "connect " + source).getLast();
        Matcher link = LINK.matcher(reply);
        if (!link.find()) {
            throw new AssertionError("no personal link in " + reply);
        }
        return link.group();
    }

    /** The name Messenger shows for the person from now on (the User Profile API). */
    void nameIs(String psid, String firstName, String lastName) {
        sandbox.messengerName(psid, firstName, lastName);
    }

    /** Development mode: only the first {@code limit} Spotify users to consent may use the app (null: no limit). */
    void spotifyUserLimit(Integer limit) {
        sandbox.spotifyUserLimit(limit);
    }

    /** The person's Last.fm scrobbles a track now, by its artist and title. */
    void scrobble(String lastfmUser, String artist, String title) {
        sandbox.scrobble(lastfmUser, java.util.Map.of("artist", artist, "track", title));
    }

    /** Connects Spotify and registers under {@code name}; the bot's last reply. */
    String register(String psid, String spotifyUser, String name) {
        String code = connectSpotify(spotifyUser);
        List<String> replies = ask(psid, "register code:\"" + code + "\" name:\"" + name + "\"");
        if (replies.isEmpty()) {
            throw new AssertionError("no reply to register");
        }
        return replies.getLast();
    }

    List<String> trackIds() {
        return sandbox.trackIds();
    }

    void play(String spotifyUser, String trackId) {
        sandbox.play(spotifyUser, trackId);
    }

    /** The person withdraws the app's access in their Spotify account settings. */
    void revokeSpotify(String spotifyUser) {
        sandbox.revoke(spotifyUser);
    }

    /** The next {@code count} calls to {@code target} ("messenger" or "spotify") fail with {@code status}. */
    void fault(String target, int status, int count) {
        sandbox.fault(target, status, count, 0);
    }

    /**
     * The inbound function's execution environment dies right after the Send API took a song's card for
     * {@code psid}: from then on every call it makes to the table fails, as if it made none, until
     * {@link #inboundLivesAgain()}.
     */
    void inboundDiesOnceASongCardReaches(String psid) {
        MessengerEmulator messenger = world.sandbox.messenger();
        int before = messenger.inbox(psid).size();
        world.aws("inbound").faults().failWhile("DynamoDb", () -> messenger.inbox(psid).stream().skip(before)
                .anyMatch(sent -> sent.message().has("attachment")));
    }

    /** A new execution environment takes over: what the one that died left on the queue is handled now. */
    void inboundLivesAgain() {
        world.aws("inbound").faults().clear();
        world.skipRetryDelay();
        world.deliverQueued();
    }

    /** From now on Messenger echoes every message the bot sends to the webhook, as an operator subscribes it. */
    void messengerEchoes() {
        sandbox.messengerSubscribeWithEchoes(world.sandboxConfig.pageAccessToken());
    }

    /** Messenger no longer echoes the bot's messages. */
    void messengerEchoesNothing() {
        world.sandbox.messenger().subscribe(MessengerEmulator.DEFAULT_FIELDS);
    }

    /** Moves the sandbox clock; the sandbox then runs the tick function, as the schedule would. */
    void advanceMinutes(long minutes) {
        sandbox.advanceSeconds(minutes * 60);
    }

    Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Response post(String url, Object json) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SampleEvents.JSON.writeValueAsString(json))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form post from the API's own page, as a browser sends it. */
    Response postForm(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", api)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(Response response, int... expected) {
        for (int status : expected) {
            if (response.status() == status) {
                return;
            }
        }
        throw new AssertionError("HTTP " + response.status() + ": " + response.body());
    }
}
