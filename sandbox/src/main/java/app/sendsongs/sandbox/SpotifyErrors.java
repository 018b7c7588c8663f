package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Spotify's two error styles: the accounts service's flat OAuth errors and the Web API's regular error object. */
final class SpotifyErrors {
    private SpotifyErrors() {
    }

    /** Accounts style: {@code {"error":"invalid_grant","error_description":"..."}}. */
    static HttpProblem accounts(int status, String error, String description) {
        ObjectNode body = JsonIo.object();
        body.put("error", error);
        body.put("error_description", description);
        return new HttpProblem(status, body);
    }

    /** Web API style: {@code {"error":{"status":401,"message":"..."}}}. */
    static HttpProblem api(int status, String message) {
        return new HttpProblem(status, apiBody(status, message, null));
    }

    /**
     * What the Web API answers a user the app in development mode does not serve: 403 with a plain-text body, not
     * the regular error object (https://developer.spotify.com/documentation/web-api/concepts/quota-modes).
     */
    static HttpProblem notRegistered() {
        return HttpProblem.plainText(403, "User not registered in the Developer Dashboard");
    }

    static HttpProblem unauthorized(String message) {
        return new HttpProblem(401, apiBody(401, message, null), Map.of("WWW-Authenticate",
                "Bearer realm=\"spotify\", error=\"invalid_token\", error_description=\"" + message + "\""));
    }

    /**
     * An injected fault, in the accounts style ({@code accounts=true}) or the Web API style. The Web API's statuses and
     * their meanings are those of https://developer.spotify.com/documentation/web-api/concepts/api-calls (400 "could
     * not be understood", 403 "refusing to fulfill it"); the accounts service answers errors as OAuth 2.0 does
     * (RFC 6749 section 5.2, which Spotify's authorization guides follow).
     */
    static HttpProblem fault(FaultInjector.Fault fault, boolean accounts) {
        int status = fault.status();
        Map<String, String> headers = status == 429 || status == 503
                ? Map.of("Retry-After", Integer.toString(fault.retryAfterSeconds()))
                : Map.of();
        if (status == 429) {
            return new HttpProblem(status, apiBody(429, "API rate limit exceeded", fault.reason()), headers);
        }
        if (accounts) {
            ObjectNode body = JsonIo.object();
            body.put("error", switch (status) {
                case 400 -> "invalid_request";
                case 403 -> "unauthorized_client";
                case 503 -> "temporarily_unavailable";
                default -> "server_error";
            });
            body.put("error_description", switch (status) {
                case 400 -> "Invalid request";
                case 403 -> "Client not allowed";
                case 502 -> "Bad gateway";
                case 503 -> "Service unavailable";
                case 504 -> "Gateway timeout";
                default -> "Internal server error";
            });
            return new HttpProblem(status, body, headers);
        }
        String message = switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Forbidden";
            case 502 -> "Bad gateway.";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> "Server error.";
        };
        return new HttpProblem(status, apiBody(status, message, fault.reason()), headers);
    }

    private static ObjectNode apiBody(int status, String message, String reason) {
        ObjectNode body = JsonIo.object();
        ObjectNode error = body.putObject("error");
        error.put("status", status);
        error.put("message", message);
        if (reason != null) {
            error.put("reason", reason);
        }
        return body;
    }
}
