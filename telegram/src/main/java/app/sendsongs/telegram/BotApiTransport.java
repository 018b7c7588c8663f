package app.sendsongs.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one Bot API call: {@code POST <base>/bot<token>/<method>} with a JSON body
 * (https://core.telegram.org/bots/api#making-requests), and reads the answer, at most {@value #MAX_ANSWER_BYTES}
 * bytes of it. Only the method name is logged; any text that comes back from the network is cleared of the token.
 */
final class BotApiTransport {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final int MAX_DESCRIPTION = 300;

    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBotApi.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramConfig config;
    private final HttpClient http;

    BotApiTransport(TelegramConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
    }

    /** Never throws for what the network or Telegram does; interrupts are kept and answered as {@link ApiAnswer.NoAnswer}. */
    ApiAnswer call(String method, ObjectNode params) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.methodUrl(method)))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(params.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
        } catch (HttpTimeoutException e) {
            LOG.warn("Telegram did not answer {} in time", method);
            return new ApiAnswer.NoAnswer("Telegram did not answer " + method + " in time");
        } catch (IOException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage()));
            LOG.warn("Telegram unreachable on {}: {}", method, why);
            return new ApiAnswer.NoAnswer("Telegram could not be reached (" + method + "): " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ApiAnswer.NoAnswer("interrupted while calling Telegram (" + method + ")");
        }
        ApiAnswer answer = read(response.statusCode(), body, response.headers().firstValue("Retry-After"));
        LOG.debug("Telegram {} -> HTTP {}", method, response.statusCode());
        return answer;
    }

    private ApiAnswer read(int status, byte[] body, Optional<String> retryAfterHeader) {
        if (body.length > MAX_ANSWER_BYTES) {
            return new ApiAnswer.NoAnswer("Telegram answered more than " + MAX_ANSWER_BYTES + " bytes");
        }
        JsonNode root = parse(body);
        if (root != null && root.path("ok").isBoolean()) {
            if (root.path("ok").asBoolean()) {
                return new ApiAnswer.Ok(root.path("result"));
            }
            int code = root.path("error_code").asInt(status);
            String description = root.path("description").isTextual()
                    ? clip(scrub(root.path("description").asText())) : "HTTP " + status;
            JsonNode retryAfter = root.path("parameters").path("retry_after");
            Optional<Duration> wait = retryAfter.canConvertToLong() && retryAfter.asLong() >= 0
                    ? Optional.of(Duration.ofSeconds(retryAfter.asLong())) : seconds(retryAfterHeader);
            JsonNode migrateTo = root.path("parameters").path("migrate_to_chat_id");
            return new ApiAnswer.Error(code, description, wait, migrateTo.canConvertToLong()
                    ? Optional.of(migrateTo.asLong()) : Optional.empty());
        }
        if (status >= 400) {
            return new ApiAnswer.Error(status, "HTTP " + status + " without Telegram's error object",
                    seconds(retryAfterHeader));
        }
        return new ApiAnswer.NoAnswer("Telegram answered HTTP " + status + " with something that is not its JSON");
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<Duration> seconds(Optional<String> header) {
        try {
            return header.map(String::trim).map(Long::parseLong).filter(s -> s >= 0).map(Duration::ofSeconds);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Removes the bot token from text that may be logged or shown. */
    String scrub(String text) {
        return text.replace(config.botToken(), "<redacted>");
    }

    private static String clip(String text) {
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) + "..." : text;
    }
}
