package app.sendsongs.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the sandbox control API (documented in {@code sandbox/README.md}): what people do on Messenger,
 * Telegram, Spotify, Last.fm and ListenBrainz, the sandbox clock and injected faults. Every test harness and the
 * benchmarks drive the sandbox through this one class; an answer other than the documented success fails with an
 * {@link IllegalStateException} that gives the status and body.
 */
public final class SandboxControl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("id=\"registration-code\">([^<]+)<");

    private final String app;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code base} is where the sandbox is served, without the {@code /sandbox} path, and the bot too (the demo). */
    public SandboxControl(String base) {
        this(base, base);
    }

    /** The bot at {@code app} (its {@code /connect}), the sandbox at {@code sandbox}, each in a process of its own. */
    public SandboxControl(String app, String sandbox) {
        this.app = app;
        this.base = sandbox;
    }

    // Messenger

    /** The person writes to the page; the sandbox signs the webhook event and posts it. Returns the answer. */
    public JsonNode say(String psid, String text) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "text", text), 200);
    }

    /** The person taps Messenger's like (the thumbs-up beside the composer), a sticker. Returns the answer. */
    public JsonNode like(String psid) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "sticker", "369239263222822"), 200);
    }

    /**
     * The person sends no text but an attachment of Messenger's {@code type} ({@code image}, {@code audio},
     * {@code video}, {@code file}, {@code location}, {@code fallback}). Returns the answer.
     */
    public JsonNode sendAttachment(String psid, String type) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "attachment", type), 200);
    }

    /** The person sends a sticker of that id (not the like's). Returns the answer. */
    public JsonNode sticker(String psid, String stickerId) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "sticker", stickerId), 200);
    }

    /** The person taps a quick reply titled {@code title}: a message carrying {@code payload}. Returns the answer. */
    public JsonNode tapQuickReply(String psid, String title, String payload) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "text", title, "quick_reply", payload), 200);
    }

    /**
     * As {@link #tapQuickReply}, a tap sent while {@code newestSeen} (an inbox {@code message_id}) was the newest
     * message on the person's phone: it crossed the bot's newer messages on its way. Returns the answer.
     */
    public JsonNode tapQuickReplySentUnder(String psid, String newestSeen, String title, String payload) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "text", title, "quick_reply", payload,
                "newest_seen", newestSeen), 200);
    }

    /** The person taps a postback button. Returns the answer. */
    public JsonNode tapButton(String psid, String title, String payload) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "postback", payload, "title", title), 200);
    }

    /** The person, already in the conversation, opens the page's m.me link with {@code ref}. */
    public JsonNode openLink(String psid, String ref) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "referral", ref), 200);
    }

    /** Every message the bot sent the person, oldest first, as the sandbox lists them. */
    public JsonNode inboxMessages(String psid) {
        return get("/sandbox/messenger/inbox/" + psid);
    }

    /** Every message the bot sent anyone, as {@code GET /sandbox/messenger/inbox} lists them (by psid, oldest first). */
    public JsonNode allInboxMessages() {
        return get("/sandbox/messenger/inbox");
    }

    /** The texts of {@link #inboxMessages}. */
    public List<String> inbox(String psid) {
        List<String> texts = new ArrayList<>();
        inboxMessages(psid).forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }

    /**
     * Every person's inbox texts, oldest first, by psid. A song's card, which follows the text that delivers it, is
     * left out: the texts are what a benchmark reconciles.
     */
    public Map<String, List<String>> inboxes() {
        Map<String, List<String>> inboxes = new LinkedHashMap<>();
        allInboxMessages().properties().forEach(entry -> {
            List<String> texts = new ArrayList<>();
            entry.getValue().forEach(message -> {
                if (!message.path("message").has("attachment")) {
                    texts.add(message.path("text").asText());
                }
            });
            inboxes.put(entry.getKey(), texts);
        });
        return inboxes;
    }

    /**
     * At most {@code perSecond} Send API calls a second per page (Messenger's is 300) and {@code perEngagedPersonPerDay}
     * calls a day per person who wrote to the page (Messenger's is 200).
     */
    public void messengerRate(int perSecond, int perEngagedPersonPerDay) {
        post("/sandbox/messenger/limits", Map.of("per_second", perSecond, "per_engaged_person_per_day",
                perEngagedPersonPerDay), 200);
    }

    /**
     * As an operator does when setting up the webhook (and as the demo does): subscribes the app to what people do on
     * the page and to the echoes of the page's own messages (Graph's {@code POST /me/subscribed_apps}), which confirm
     * what the bot sent.
     */
    public void messengerSubscribeWithEchoes(String pageAccessToken) {
        String path = "/sandbox/graph/v25.0/me/subscribed_apps";
        String fields = "messages,messaging_postbacks,messaging_referrals,message_echoes";
        send(HttpRequest.newBuilder(URI.create(base + path + "?subscribed_fields=" + fields + "&access_token="
                + pageAccessToken)).POST(HttpRequest.BodyPublishers.noBody()), path, 200);
    }

    public JsonNode messengerStats() {
        return get("/sandbox/messenger/stats");
    }

    // Telegram

    /** The person writes {@code text} to the bot in their private chat; the answer once the bot took the update. */
    public JsonNode telegramSays(long from, String text) {
        return post("/sandbox/telegram/send", Map.of("from", from, "text", text), 200);
    }

    /**
     * The person sends no text but what the Bot API's Message field {@code media} holds ({@code photo}, {@code voice},
     * {@code animation}, {@code sticker} with {@code emoji}...), in their private chat or in {@code chat} when not null.
     */
    public JsonNode telegramSendsMedia(long from, Long chat, String media, String emoji) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("from", from, "media", media));
        if (chat != null) {
            body.put("chat", chat);
        }
        if (emoji != null) {
            body.put("emoji", emoji);
        }
        return post("/sandbox/telegram/send", body, 200);
    }

    /** As {@link #telegramSays}, with the name the person's account shows. */
    public JsonNode telegramSays(long from, String firstName, String text) {
        return post("/sandbox/telegram/send", Map.of("from", from, "first_name", firstName, "text", text), 200);
    }

    /** As {@link #telegramSays}, with the names and username the person's account shows from now on. */
    public JsonNode telegramSays(long from, String firstName, String lastName, String username, String text) {
        return post("/sandbox/telegram/send", Map.of("from", from, "first_name", firstName, "last_name", lastName,
                "username", username, "text", text), 200);
    }

    /**
     * The person opens {@code url}, a {@code https://t.me/<bot>?start=<parameter>} link, and presses START: the bot gets
     * {@code /start <parameter>}. The control API's answer, whose status must be one of {@code expected} (200 when
     * none is given).
     */
    public JsonNode telegramOpens(long from, String firstName, String url, int... expected) {
        return post("/sandbox/telegram/open", Map.of("from", from, "first_name", firstName, "url", url),
                expected.length == 0 ? new int[] {200} : expected);
    }

    /** The person writes in a group chat (the bot sees it only if it is a command for it or mentions it). */
    public JsonNode telegramSaysIn(long chat, long from, String text) {
        return post("/sandbox/telegram/send", Map.of("from", from, "chat", chat, "text", text), 200);
    }

    /** As {@link #telegramSaysIn(long, long, String)}, with the username the person's account shows from now on. */
    public JsonNode telegramSaysIn(long chat, long from, String username, String text) {
        return post("/sandbox/telegram/send", Map.of("from", from, "chat", chat, "username", username, "text", text),
                200);
    }

    /** A group admin with "Remain anonymous" writes {@code text} in the group: Telegram shows it as the group's. */
    public JsonNode telegramSaysAnonymouslyIn(long chat, long from, String text) {
        return post("/sandbox/telegram/send", Map.of("from", from, "chat", chat, "text", text, "anonymous", true),
                200);
    }

    /**
     * The person posts {@code text} in the channel {@code channel}, and Telegram forwards it by itself to the group
     * {@code chat} linked to the channel for discussion.
     */
    public JsonNode telegramChannelPostForwardedTo(long chat, long channel, long from, String text) {
        return post("/sandbox/telegram/send", Map.of("from", from, "chat", chat, "text", text, "linked_channel",
                channel), 200);
    }

    /**
     * The person edits their message {@code messageId} of the chat (their private chat: their own id) to read
     * {@code text}; the bot gets an {@code edited_message} update when it would see the message.
     */
    public JsonNode telegramEdits(long chat, long from, long messageId, String text) {
        return post("/sandbox/telegram/edit", Map.of("from", from, "chat", chat, "message_id", messageId, "text",
                text), 200);
    }

    /** The person answers the message {@code replyTo} of a group chat with {@code text}. */
    public JsonNode telegramRepliesIn(long chat, long from, String text, long replyTo) {
        return post("/sandbox/telegram/send", Map.of("from", from, "chat", chat, "text", text, "reply_to", replyTo),
                200);
    }

    /** The person taps the button carrying {@code data} under the bot's message; answers the callback query id. */
    public String telegramPress(long from, long chat, long messageId, String data) {
        return post("/sandbox/telegram/press", Map.of("from", from, "chat", chat, "message_id", messageId,
                "data", data), 200).path("callback_query_id").asText();
    }

    /** What the bot sent to the chat, oldest first, edits applied. */
    public JsonNode telegramChat(long chatId) {
        return get("/sandbox/telegram/chat/" + chatId);
    }

    /** Every chat's texts of the bot's messages, oldest first, by chat id (a person's private chat is their id). */
    public Map<String, List<String>> telegramChats() {
        Map<String, List<String>> chats = new LinkedHashMap<>();
        get("/sandbox/telegram/chats").properties().forEach(entry -> {
            List<String> texts = new ArrayList<>();
            entry.getValue().forEach(text -> texts.add(text.asText()));
            chats.put(entry.getKey(), texts);
        });
        return chats;
    }

    /** Everything said in the chat, people's messages (with {@code from}) and the bot's, oldest first. */
    public JsonNode telegramWholeChat(long chatId) {
        return get("/sandbox/telegram/chat/" + chatId + "/all");
    }

    /** The person leaves the group chat (the bot sees the service message). */
    public void telegramLeaves(long chat, long user) {
        post("/sandbox/telegram/chats/" + chat + "/leave", Map.of("user", user), 200);
    }

    /** The button tap and the bot's answer to it, if any. */
    public JsonNode telegramCallback(String callbackQueryId) {
        return get("/sandbox/telegram/callback/" + callbackQueryId);
    }

    /** A group chat with the bot in it; the first member created it. */
    public JsonNode telegramGroup(long id, String title, List<Long> members) {
        return post("/sandbox/telegram/chats", Map.of("id", id, "title", title, "members", members), 200);
    }

    /** A supergroup with topics turned on (a forum) with the bot in it; the first member created it. */
    public JsonNode telegramForum(long id, String title, List<Long> members) {
        return post("/sandbox/telegram/chats", Map.of("id", id, "title", title, "members", members, "forum", true),
                200);
    }

    /** {@code by} makes a topic named {@code name} in the forum {@code chat}; answers its message thread id. */
    public long telegramTopic(long chat, long by, String name) {
        return post("/sandbox/telegram/chats/" + chat + "/topics", Map.of("by", by, "name", name), 200)
                .path("message_thread_id").asLong();
    }

    /** A group admin with "Remain anonymous" writes in the topic {@code topic} of the forum {@code chat}. */
    public JsonNode telegramSaysAnonymouslyInTopic(long chat, long topic, long from, String text) {
        return post("/sandbox/telegram/send", Map.of("from", from, "chat", chat, "topic", topic, "text", text,
                "anonymous", true), 200);
    }

    /** {@code by} deletes the topic {@code topic} of the forum {@code chat}. */
    public void telegramDeleteTopic(long chat, long by, long topic) {
        post("/sandbox/telegram/chats/" + chat + "/topics/" + topic + "/delete", Map.of("by", by), 200);
    }

    /** {@code by}, the topic's maker or the group's creator, closes the topic {@code topic} of the forum. */
    public void telegramCloseTopic(long chat, long by, long topic) {
        post("/sandbox/telegram/chats/" + chat + "/topics/" + topic + "/close", Map.of("by", by), 200);
    }

    /** {@code by}, the topic's maker or the group's creator, reopens the closed topic {@code topic}. */
    public void telegramReopenTopic(long chat, long by, long topic) {
        post("/sandbox/telegram/chats/" + chat + "/topics/" + topic + "/reopen", Map.of("by", by), 200);
    }

    /** The person writes in the topic {@code topic} of the forum {@code chat}. */
    public JsonNode telegramSaysInTopic(long chat, long topic, long from, String text) {
        return post("/sandbox/telegram/send", Map.of("from", from, "chat", chat, "topic", topic, "text", text), 200);
    }

    /** {@code by} renames the group chat (the bot sees the service message with {@code new_chat_title}). */
    public void telegramRenameGroup(long chat, long by, String title) {
        post("/sandbox/telegram/chats/" + chat + "/title", Map.of("by", by, "title", title), 200);
    }

    /** {@code by} removes the bot from the group chat (the bot sees {@code my_chat_member}). */
    public void telegramRemoveBot(long chat, long by) {
        post("/sandbox/telegram/chats/" + chat + "/remove-bot", Map.of("by", by), 200);
    }

    /** {@code by} adds the bot back to the group chat it was removed from. */
    public void telegramAddBotBack(long chat, long by) {
        post("/sandbox/telegram/chats/" + chat + "/add-bot", Map.of("by", by), 200);
    }

    /** {@code by} upgrades the basic group {@code chat} to the supergroup {@code to}, a chat with a new id. */
    public JsonNode telegramUpgradeGroup(long chat, long by, long to) {
        return post("/sandbox/telegram/chats/" + chat + "/upgrade", Map.of("by", by, "to", to), 200);
    }

    public void telegramBlock(long user) {
        post("/sandbox/telegram/users/" + user + "/block", Map.of(), 200);
    }

    public void telegramUnblock(long user) {
        post("/sandbox/telegram/users/" + user + "/unblock", Map.of(), 200);
    }

    /** The webhook as the bot set it, with {@code secret_token_set}, {@code pending_update_count}, last error. */
    public JsonNode telegramWebhook() {
        return get("/sandbox/telegram/webhook");
    }

    public JsonNode telegramStats() {
        return get("/sandbox/telegram/stats");
    }

    /** The person blocks the page's messages (or, with {@code blocks} false, unblocks them). */
    public void messengerBlock(String psid, boolean blocks) {
        post("/sandbox/messenger/users/" + psid + (blocks ? "/block" : "/unblock"), Map.of(), 200);
    }

    /** The person blocks the page's messages, and Graph answers sends to them with code 2 rather than 551. */
    public void messengerBlockAnsweredUnexpectedly(String psid) {
        post("/sandbox/messenger/users/" + psid + "/block", Map.of("answer", "unexpected"), 200);
    }

    /** The name Messenger's User Profile API gives for the person from now on. */
    public void messengerName(String psid, String firstName, String lastName) {
        post("/sandbox/messenger/users/" + psid, Map.of("first_name", firstName, "last_name", lastName), 200);
    }

    // Spotify

    /**
     * The connect round trip as Spotify user {@code spotifyUser}: the bot's /connect, consent, the bot's /callback;
     * the one-time registration code. Each round trip is a browser of its own: the callback carries the connect cookie
     * its /connect set, as a browser's would (the bot finishes a consent only in the browser that started it).
     */
    public String connectSpotify(String spotifyUser) {
        HttpResponse<String> start = exchange(HttpRequest.newBuilder(URI.create(app + "/connect")));
        String browser = start.headers().firstValue("Set-Cookie").map(cookie -> cookie.split(";", 2)[0])
                .orElseThrow(() -> new IllegalStateException("/connect set no connect cookie"));
        String consent = location(start) + "&sandbox_user=" + spotifyUser;
        String callback = location(exchange(HttpRequest.newBuilder(URI.create(consent))));
        HttpResponse<String> page = exchange(HttpRequest.newBuilder(URI.create(callback)).header("Cookie", browser));
        expect(page, 200);
        Matcher code = CODE.matcher(page.body());
        if (!code.find()) {
            throw new IllegalStateException("no registration code on the callback page");
        }
        return code.group(1);
    }

    /** Development mode: only the first {@code limit} Spotify users to consent may use the app (null: no limit). */
    public JsonNode spotifyUserLimit(Integer limit) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("user_limit", limit);
        return post("/sandbox/spotify/app", body, 200);
    }

    /** The user finished a play of the track at {@code endedAt}, showing in recently-played {@code delay} later. */
    public void playLate(String spotifyUser, String trackId, Instant endedAt, java.time.Duration delay) {
        post("/sandbox/spotify/users/" + spotifyUser + "/plays", Map.of("track", trackId, "at", endedAt.toString(),
                "delay_s", delay.toSeconds()), 200);
    }

    /** The emulated catalogue's tracks: {@code id}, {@code name}, {@code artists}, {@code duration_ms}, ... */
    public JsonNode tracks() {
        return get("/sandbox/spotify/tracks");
    }

    public List<String> trackIds() {
        List<String> ids = new ArrayList<>();
        get("/sandbox/spotify/tracks").forEach(track -> ids.add(track.path("id").asText()));
        return ids;
    }

    /**
     * One track id per recording: the catalogue has songs on an album and again as a single (one ISRC), which the bot
     * counts as the same song ("already sent"), so a workload that must send distinct songs picks from these.
     */
    public List<String> songIds() {
        Map<String, String> byRecording = new LinkedHashMap<>();
        get("/sandbox/spotify/tracks").forEach(track -> byRecording.putIfAbsent(
                track.path("isrc").asText(track.path("id").asText()), track.path("id").asText()));
        return List.copyOf(byRecording.values());
    }

    public JsonNode addTrack(Map<String, Object> track) {
        return post("/sandbox/spotify/tracks", track, 200, 201);
    }

    /** A {@code https://spotify.link/<code>} link to the catalogue track; returns the link. */
    public String shortLink(String trackId) {
        return post("/sandbox/spotify/short-links", Map.of("track", trackId), 201).path("url").asText();
    }

    /** A short link to any {@code open.spotify.com} page (an album, say); returns the link. */
    public String shortLinkTo(String openSpotifyUrl) {
        return post("/sandbox/spotify/short-links", Map.of("url", openSpotifyUrl), 201).path("url").asText();
    }

    /** The user starts playing the track now, on the sandbox clock: it ends, and shows, one track length later. */
    public void play(String spotifyUser, String trackId) {
        post("/sandbox/spotify/users/" + spotifyUser + "/plays", Map.of("track", trackId), 200, 201);
    }

    public void playAt(String spotifyUser, String trackId, Instant at) {
        post("/sandbox/spotify/users/" + spotifyUser + "/plays", Map.of("track", trackId, "at", at.toString()),
                200, 201);
    }

    /** The user withdraws the app's access in their Spotify account settings. */
    public void revoke(String spotifyUser) {
        post("/sandbox/spotify/users/" + spotifyUser + "/revoke", Map.of(), 200, 204);
    }

    public JsonNode spotifyStats() {
        return get("/sandbox/spotify/stats");
    }

    // clock and faults

    public Instant now() {
        return Instant.parse(get("/sandbox/clock").path("now").asText());
    }

    /** Moves the sandbox clock; the sandbox then runs the bot's due work. */
    public void advanceSeconds(long seconds) {
        post("/sandbox/clock/advance", Map.of("seconds", seconds), 200);
    }

    /** The next {@code count} calls to {@code target} ("messenger", "spotify", ...) fail with {@code status}. */
    public void fault(String target, int status, int count, int retryAfterSeconds) {
        post("/sandbox/faults", Map.of("target", target, "status", status, "count", count,
                "retry_after", retryAfterSeconds), 200, 201);
    }

    /** As {@link #fault(String, int, int, int)}, with the reason the fault's error body gives. */
    public void fault(String target, int status, int count, int retryAfterSeconds, String reason) {
        post("/sandbox/faults", Map.of("target", target, "status", status, "count", count,
                "retry_after", retryAfterSeconds, "reason", reason), 200, 201);
    }

    /** As {@link #fault(String, int, int, int)}, with the service's own error code in the body (e.g. Last.fm 29). */
    public void faultWithCode(String target, int status, int count, int code) {
        post("/sandbox/faults", Map.of("target", target, "status", status, "count", count, "code", code), 200, 201);
    }

    /** As {@link #faultWithCode(String, int, int, int)}, with Graph's {@code error_subcode} beside the code. */
    public void faultWithCode(String target, int status, int count, int code, int subcode) {
        post("/sandbox/faults", Map.of("target", target, "status", status, "count", count, "code", code,
                "subcode", subcode), 200, 201);
    }

    // Last.fm

    /** The user finished playing a track that started at {@code at}: a scrobble. */
    public JsonNode scrobble(String lastfmUser, String artist, String track, Instant at) {
        return post("/sandbox/lastfm/users/" + lastfmUser + "/scrobbles",
                Map.of("artist", artist, "track", track, "at", at.toString()), 200);
    }

    /** A scrobble with every field the control API takes ({@code artist}, {@code track}, {@code album}, {@code mbid}, {@code at}). */
    public JsonNode scrobble(String lastfmUser, Map<String, Object> scrobble) {
        return post("/sandbox/lastfm/users/" + lastfmUser + "/scrobbles", scrobble, 200);
    }

    /** The user starts playing a track now. */
    public void nowPlaying(String lastfmUser, String artist, String track) {
        post("/sandbox/lastfm/users/" + lastfmUser + "/now-playing", Map.of("artist", artist, "track", track), 200);
    }

    /** The user hides (or shows) their recent listening. */
    public void hideListening(String lastfmUser, boolean hide) {
        post("/sandbox/lastfm/users/" + lastfmUser + "/private", Map.of("private", hide), 200);
    }

    /** The user revokes the app's access in their Last.fm settings. */
    public void revokeLastfm(String lastfmUser) {
        post("/sandbox/lastfm/users/" + lastfmUser + "/revoke", Map.of(), 200);
    }

    /** Web service calls of the emulated Last.fm per method, {@code rate-limited} and {@code total}. */
    public JsonNode lastfmStats() {
        return get("/sandbox/lastfm/stats");
    }

    /** At most {@code requests} web service calls per IP in any {@code windowMillis}. */
    public void lastfmRate(int requests, long windowMillis) {
        post("/sandbox/lastfm/limits", Map.of("requests", requests, "window_ms", windowMillis), 200);
    }

    // ListenBrainz

    /** The user's token (the user is created on first use). */
    public String listenBrainzToken(String user) {
        return get("/sandbox/listenbrainz/users/" + user + "/token").path("token").asText();
    }

    /** The user resets their token; the old one is no longer valid. */
    public String resetListenBrainzToken(String user) {
        return post("/sandbox/listenbrainz/users/" + user + "/token/reset", Map.of(), 200).path("token").asText();
    }

    /** A listen with every field the control API takes ({@code artist}, {@code track}, {@code spotify_id}, {@code isrc}, {@code recording_mbid}, {@code release}, {@code at}). */
    public JsonNode listen(String user, Map<String, Object> listen) {
        return post("/sandbox/listenbrainz/users/" + user + "/listens", listen, 200);
    }

    /** The user's listens as the control API shows them, newest first. */
    public JsonNode listens(String user) {
        return get("/sandbox/listenbrainz/users/" + user + "/listens");
    }

    /** The user deletes their ListenBrainz account. */
    public void deleteListenBrainzUser(String user) {
        send(HttpRequest.newBuilder(URI.create(base + "/sandbox/listenbrainz/users/" + user)).DELETE(),
                "/sandbox/listenbrainz/users/" + user, 200);
    }

    /** Calls of the emulated ListenBrainz per endpoint, {@code rate-limited} and {@code total}. */
    public JsonNode listenBrainzStats() {
        return get("/sandbox/listenbrainz/stats");
    }

    /** Requests per window with a whitelisted token, per IP for everyone else (user tokens too), and the window. */
    public void listenBrainzRate(int perToken, int perIp, int windowSeconds) {
        post("/sandbox/listenbrainz/limits", Map.of("per_token", perToken, "per_ip", perIp, "window_s", windowSeconds),
                200);
    }

    // plumbing

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path, 200);
    }

    private JsonNode post(String path, Object body, int... expected) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), path, expected);
    }

    private JsonNode send(HttpRequest.Builder request, String path, int... expected) {
        HttpResponse<String> response = exchange(request);
        expect(response, expected);
        try {
            String body = response.body();
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(path + ": not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        expect(response, 302);
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("a redirect without Location"));
    }

    private static void expect(HttpResponse<String> response, int... expected) {
        if (java.util.Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + ": HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
