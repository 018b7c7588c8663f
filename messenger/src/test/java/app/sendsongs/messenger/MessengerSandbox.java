package app.sendsongs.messenger;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboundBatch;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sandbox emulators on a Javalin at a free port, driven over HTTP through their control API. Its {@code /webhook}
 * is a minimal bot front door built from this module's {@link SignatureVerifier} and {@link WebhookParser}; its
 * {@code /probe/...} route is a stand-in Graph API that records the request and answers what a test sets.
 */
final class MessengerSandbox implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request the probe received. */
    record Probed(String path, String rawQuery, String accessToken, Map<String, String> headers, String body) {
    }

    final ManualClock clock = new ManualClock(START);
    final SandboxConfig config = SandboxConfig.defaults(null);
    final Sandbox sandbox = new Sandbox(config, clock);
    final Javalin app;
    final String base;

    final List<Inbound> received = new CopyOnWriteArrayList<>();
    /** The ids the bot's messages carried, from the echoes the webhook received. */
    final List<String> echoed = new CopyOnWriteArrayList<>();
    final List<Probed> probed = new CopyOnWriteArrayList<>();
    volatile int probeStatus = 200;
    volatile String probeBody = "{\"recipient_id\":\"1\",\"message_id\":\"m.1\"}";
    volatile String probeContentType = "application/json";
    volatile Map<String, String> probeHeaders = Map.of();
    /** When set, the status of each probe request in turn (then {@link #probeStatus}); a failure answers Graph's 500. */
    volatile List<Integer> probeStatuses = List.of();

    private final SandboxControl control;

    MessengerSandbox() {
        SignatureVerifier signatures = new SignatureVerifier(config.appSecret());
        WebhookParser parser = new WebhookParser(clock);
        app = Javalin.create(c -> c.showJavalinBanner = false);
        sandbox.routes(app);
        app.post("/webhook", ctx -> {
            byte[] body = ctx.bodyAsBytes();
            if (!signatures.verify(body, ctx.header(SignatureVerifier.HEADER))) {
                ctx.status(403).result("bad signature");
                return;
            }
            InboundBatch batch = parser.parse(body);
            received.addAll(batch.events());
            echoed.addAll(batch.echoedMessageIds());
            ctx.result("EVENT_RECEIVED");
        });
        app.post("/probe/{version}/me/messages", ctx -> {
            int index = probed.size();
            probed.add(new Probed(ctx.path(), ctx.queryString(), ctx.queryParam("access_token"), ctx.headerMap(),
                    ctx.body()));
            probeHeaders.forEach(ctx::header);
            List<Integer> statuses = probeStatuses;
            if (index < statuses.size() && statuses.get(index) != 200) {
                ctx.status(statuses.get(index)).contentType("application/json").result(
                        "{\"error\":{\"message\":\"An unknown error has occurred.\",\"type\":\"OAuthException\","
                                + "\"code\":1,\"is_transient\":true,\"fbtrace_id\":\"AbCdEf\"}}");
                return;
            }
            ctx.status(probeStatus).contentType(probeContentType).result(probeBody);
        });
        app.start(0);
        base = "http://localhost:" + app.port();
        sandbox.botWebhookUrl(base + "/webhook");
        control = new SandboxControl(base);
    }

    /** The Send API adapter pointed at the Graph emulator with the sandbox page token. */
    GraphSendApi graph() {
        return new GraphSendApi(new MessengerConfig(base + "/sandbox/graph", "v25.0", config.pageAccessToken(),
                config.appSecret(), "verify"));
    }

    /** The same, backing off from throttling by {@code clock}. */
    GraphSendApi graph(java.time.Clock clock) {
        return new GraphSendApi(new MessengerConfig(base + "/sandbox/graph", "v25.0", config.pageAccessToken(),
                config.appSecret(), "verify"), clock);
    }

    /** The Send API's calls a second per page and per thread (0: none): {@code POST /sandbox/messenger/limits}. */
    void limits(int perSecond, int perThreadPerSecond) {
        sandbox.messengerLimits(perSecond, perThreadPerSecond);
    }

    /** The app's Send API calls a day per engaged person, through {@code POST /sandbox/messenger/limits}. */
    void dailyLimit(int perEngagedPerson) {
        try {
            java.net.http.HttpResponse<String> set = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/sandbox/messenger/limits"))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"per_second\":300,"
                                    + "\"per_engaged_person_per_day\":" + perEngagedPerson + "}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (set.statusCode() != 200) {
                throw new IllegalStateException("the limits were refused: " + set.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many Send API calls the emulator has throttled. */
    long throttled() {
        try {
            java.net.http.HttpResponse<String> limits = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/sandbox/messenger/limits"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(limits.body()).path("throttled").asLong();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person writes to the page (opening their 24-hour window): {@code POST /sandbox/messenger/send}. */
    JsonNode personWrites(String psid, String text) {
        return control.say(psid, text);
    }

    JsonNode tapsQuickReply(String psid, String title, String payload) {
        return control.tapQuickReply(psid, title, payload);
    }

    JsonNode tapsButton(String psid, String title, String payload) {
        return control.tapButton(psid, title, payload);
    }

    JsonNode opensLink(String psid, String ref) {
        return control.openLink(psid, ref);
    }

    /** The person blocks the page's messages, or unblocks them. */
    void blocks(String psid, boolean blocks) {
        control.messengerBlock(psid, blocks);
    }

    /** The person blocks the page, and Graph answers sends to them with code 2 ("unexpected error") instead of 551. */
    void blocksAnsweredUnexpectedly(String psid) {
        control.messengerBlockAnsweredUnexpectedly(psid);
    }

    /** What the bot sent to the person: {@code GET /sandbox/messenger/inbox/<psid>}. */
    JsonNode inbox(String psid) {
        return control.inboxMessages(psid);
    }

    /** The next {@code count} Send API calls fail with {@code status}. */
    void fault(int status, int count, int retryAfterSeconds) {
        control.fault("messenger", status, count, retryAfterSeconds);
    }

    /** The next Send API call fails with {@code status} and Graph's {@code code} (and {@code subcode} when given). */
    void graphError(int status, int code, Integer subcode) {
        if (subcode == null) {
            control.faultWithCode("messenger", status, 1, code);
        } else {
            control.faultWithCode("messenger", status, 1, code, subcode);
        }
    }

    void advanceSeconds(long seconds) {
        control.advanceSeconds(seconds);
    }

    /** The probe answers a Graph error object. */
    void probeAnswersGraphError(int status, int code, Integer subcode, String message) {
        String sub = subcode == null ? "" : ",\"error_subcode\":" + subcode;
        probeStatus = status;
        probeBody = "{\"error\":{\"message\":" + quote(message) + ",\"type\":\"OAuthException\",\"code\":" + code
                + sub + ",\"fbtrace_id\":\"AbCdEf\"}}";
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        sandbox.close(); // its Messenger echoes' thread, which looks for echoes every 10 ms
    }
}
