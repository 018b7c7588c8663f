package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Last.fm's error answers: {@code {"error":n,"message":"..."}} (error 6 adds {@code "links":[]}) with the HTTP
 * status Last.fm sends with each code. Codes and words from https://www.last.fm/api/errorcodes and the method pages
 * (e.g. https://www.last.fm/api/show/auth.getSession); statuses as Last.fm answers them
 * (https://lastfm-docs.github.io/api-docs/codes/: 6 "User not found" is a 404, 17 a 403, 29 a 429).
 */
final class LastfmErrors {
    static final int INVALID_METHOD = 3;
    static final int AUTHENTICATION_FAILED = 4;
    static final int INVALID_FORMAT = 5;
    static final int INVALID_PARAMETERS = 6;
    static final int OPERATION_FAILED = 8;
    static final int INVALID_SESSION_KEY = 9;
    static final int INVALID_API_KEY = 10;
    static final int SERVICE_OFFLINE = 11;
    static final int INVALID_SIGNATURE = 13;
    static final int UNAUTHORIZED_TOKEN = 14;
    static final int TOKEN_EXPIRED = 15;
    static final int TEMPORARY_ERROR = 16;
    static final int LOGIN_REQUIRED = 17;
    static final int SUSPENDED_API_KEY = 26;
    static final int RATE_LIMIT_EXCEEDED = 29;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(2, "Invalid service - This service does not exist"),
            Map.entry(INVALID_METHOD, "Invalid Method - No method with that name in this package"),
            Map.entry(AUTHENTICATION_FAILED, "Authentication Failed - You do not have permissions to access the service"),
            Map.entry(INVALID_FORMAT, "Invalid format - This service doesn't exist in that format"),
            Map.entry(INVALID_PARAMETERS, "Invalid parameters - Your request is missing a required parameter"),
            Map.entry(7, "Invalid resource specified"),
            Map.entry(OPERATION_FAILED, "Operation failed - Something else went wrong"),
            Map.entry(INVALID_SESSION_KEY, "Invalid session key - Please re-authenticate"),
            Map.entry(INVALID_API_KEY, "Invalid API key - You must be granted a valid key by last.fm"),
            Map.entry(SERVICE_OFFLINE, "Service Offline - This service is temporarily offline. Try again later."),
            Map.entry(INVALID_SIGNATURE, "Invalid method signature supplied"),
            Map.entry(UNAUTHORIZED_TOKEN, "Unauthorized Token - This token has not been authorized"),
            Map.entry(TOKEN_EXPIRED, "This token has expired"),
            Map.entry(TEMPORARY_ERROR, "There was a temporary error processing your request. Please try again"),
            Map.entry(LOGIN_REQUIRED, "Login: User required to be logged in"),
            Map.entry(SUSPENDED_API_KEY,
                    "Suspended API key - Access for your account has been suspended, please contact Last.fm"),
            Map.entry(RATE_LIMIT_EXCEEDED, "Rate Limit Exceeded - This application has made too many requests in a "
                    + "short period. If this is your API key, see https://www.last.fm/api/tos#4.4 for information "
                    + "about raising the limit."));

    /** The code a fault of an HTTP status gives when the fault names none. */
    private static final Map<Integer, Integer> CODE_OF_STATUS = Map.of(400, INVALID_PARAMETERS, 403, INVALID_API_KEY,
            429, RATE_LIMIT_EXCEEDED, 500, OPERATION_FAILED, 502, OPERATION_FAILED, 503, SERVICE_OFFLINE,
            504, TEMPORARY_ERROR);

    private LastfmErrors() {
    }

    /** Error {@code code} with its usual words and status. */
    static HttpProblem error(int code) {
        return error(code, MESSAGES.getOrDefault(code, "Operation failed - Something else went wrong"));
    }

    /** Error {@code code} in other words (e.g. 6 "User not found"). */
    static HttpProblem error(int code, String message) {
        return new HttpProblem(status(code, message), body(code, message));
    }

    /** An injected fault: its status, with its code (or the status's usual one) in Last.fm's body; no Retry-After. */
    static HttpProblem fault(FaultInjector.Fault fault) {
        int code = fault.code() != null ? fault.code() : CODE_OF_STATUS.getOrDefault(fault.status(), OPERATION_FAILED);
        return new HttpProblem(fault.status(), body(code, MESSAGES.getOrDefault(code, "Operation failed")));
    }

    /** The XML error Last.fm's default format gives; this emulator speaks only {@code format=json}. */
    static String xml(int code) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n  <error code=\"" + code + "\">"
                + MESSAGES.get(code) + "</error>\n</lfm>\n";
    }

    private static int status(int code, String message) {
        return switch (code) {
            case INVALID_PARAMETERS -> message.equals("User not found") ? 404 : 400;
            case INVALID_METHOD, INVALID_FORMAT -> 400;
            case OPERATION_FAILED -> 500;
            case SERVICE_OFFLINE, TEMPORARY_ERROR -> 503;
            case RATE_LIMIT_EXCEEDED -> 429;
            default -> 403;
        };
    }

    /**
     * As Last.fm writes it: error 6 with an empty {@code links},
     * {@code {"error":6,"message":"User not found","links":[]}} (as quoted in
     * github.com/inflatablefriends/lastfm/issues/78 and by clients that compare whole answers), others without,
     * {@code {"message":"Login: User required to be logged in","error":17}}.
     */
    private static ObjectNode body(int code, String message) {
        ObjectNode body = JsonIo.object();
        body.put("error", code);
        body.put("message", message);
        if (code == INVALID_PARAMETERS) {
            body.putArray("links");
        }
        return body;
    }
}
