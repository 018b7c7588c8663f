package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Bot API errors exactly as Telegram answers them:
 * {@code {"ok":false,"error_code":400,"description":"Bad Request: ..."}}, with {@code parameters.retry_after} and a
 * {@code Retry-After} header on 429. The descriptions are those of Telegram's own Bot API server
 * (https://github.com/tdlib/telegram-bot-api, {@code Client::fail_query_with_error}): a prefix per status and the
 * reason with its first letter in lower case.
 */
final class TelegramErrors {
    private TelegramErrors() {
    }

    static HttpProblem badRequest(String reason) {
        return error(400, "Bad Request: " + reason);
    }

    static HttpProblem forbidden(String reason) {
        return error(403, "Forbidden: " + reason);
    }

    static HttpProblem unauthorized() {
        return error(401, "Unauthorized");
    }

    static HttpProblem methodNotFound() {
        return error(404, "Not Found: method not found");
    }

    static HttpProblem notFound() {
        return error(404, "Not Found");
    }

    static HttpProblem tooManyRequests(int retryAfterSeconds) {
        ObjectNode body = body(429, "Too Many Requests: retry after " + retryAfterSeconds);
        body.putObject("parameters").put("retry_after", retryAfterSeconds);
        return new HttpProblem(429, body, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    /**
     * A call about a basic group that became a supergroup: the new chat's id in {@code parameters.migrate_to_chat_id}
     * (https://core.telegram.org/bots/api#responseparameters).
     */
    static HttpProblem groupUpgraded(long supergroupId) {
        ObjectNode body = body(400, "Bad Request: group chat was upgraded to a supergroup chat");
        body.putObject("parameters").put("migrate_to_chat_id", supergroupId);
        return new HttpProblem(400, body);
    }

    /** {@code can't parse entities: <what the parser found>} */
    static HttpProblem cantParseEntities(String detail) {
        return badRequest("can't parse entities: " + detail);
    }

    /**
     * An injected fault in Telegram's format: 429 with {@code retry_after}, 403 "bot was blocked by the user", 400 "chat
     * not found", 5xx as Telegram's front end reports them. {@code reason}, when given, replaces the description.
     */
    static HttpProblem fault(FaultInjector.Fault fault) {
        int status = fault.status();
        if (status == 429) {
            return tooManyRequests(Math.max(1, fault.retryAfterSeconds()));
        }
        String description = fault.reason() != null ? fault.reason() : switch (status) {
            case 400 -> "Bad Request: chat not found";
            case 403 -> "Forbidden: bot was blocked by the user";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Internal Server Error";
        };
        return error(status, description);
    }

    static HttpProblem error(int status, String description) {
        return new HttpProblem(status, body(status, description));
    }

    private static ObjectNode body(int status, String description) {
        ObjectNode body = JsonIo.object();
        body.put("ok", false);
        body.put("error_code", status);
        body.put("description", description);
        return body;
    }
}
