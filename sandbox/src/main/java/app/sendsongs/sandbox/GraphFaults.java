package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * An injected Send API failure in Graph's error format, as the Send API error codes page lists them
 * (https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes) and the Messenger
 * Platform's common error codes page (https://developers.facebook.com/docs/messenger-platform/error-codes): the
 * fault's {@code code} and {@code subcode} with Graph's words for them, or without a code the status's usual one
 * (429: 4, 503: 2 "please retry", other 5xx: 1, 400: 100, 403: 200). Graph sends no {@code Retry-After} with its
 * errors; only a 429 fault keeps the older, kinder shape with one.
 */
final class GraphFaults {
    /** Codes Graph marks {@code is_transient}: unknown and unexpected errors, throttling, temporary send failure. */
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 4, 17, 32, 613, 1200);
    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(1, "An unknown error has occurred."),
            Map.entry(2, "An unexpected error has occurred. Please retry your request later."),
            Map.entry(4, "(#4) Application request limit reached"),
            Map.entry(10, "(#10) This message is sent outside of allowed window."),
            Map.entry(32, "(#32) Page request limit reached"),
            Map.entry(100, "(#100) Invalid parameter"),
            Map.entry(190, "Invalid OAuth access token."),
            Map.entry(200, "(#200) Permissions error"),
            Map.entry(551, "This person isn't available right now."),
            Map.entry(613, "(#613) Calls to this api have exceeded the rate limit."),
            Map.entry(1200, "(#1200) Temporary send message failure. Please try again later."));
    private static final Map<Integer, String> SUBCODE_WORDS = Map.of(
            2018001, "(#100) No matching user found",
            2018278, "(#10) This message is sent outside of allowed window.",
            1545041, "This person isn't available right now.");

    private GraphFaults() {
    }

    static HttpProblem of(FaultInjector.Fault fault) {
        int status = fault.status();
        int code = fault.code() != null ? fault.code() : usualCode(status);
        String words = fault.reason() != null ? fault.reason()
                : fault.subcode() != null && SUBCODE_WORDS.containsKey(fault.subcode())
                ? SUBCODE_WORDS.get(fault.subcode())
                : WORDS.getOrDefault(code, "(#" + code + ") An error occurred.");
        ObjectNode body = GraphEmulator.errorBody(code, fault.subcode(), words, TRANSIENT.contains(code));
        Map<String, String> headers = status == 429
                ? Map.of("Retry-After", Integer.toString(fault.retryAfterSeconds()))
                : Map.of();
        return new HttpProblem(status, body, headers);
    }

    /** Graph's code 2, HTTP 500, transient: what it may answer for someone who blocked the page. */
    static HttpProblem unexpected() {
        return new HttpProblem(500, GraphEmulator.errorBody(2, null, WORDS.get(2), true));
    }

    private static int usualCode(int status) {
        return switch (status) {
            case 429 -> 4;
            case 503 -> 2;
            case 400 -> 100;
            case 403 -> 200;
            default -> 1;
        };
    }
}
