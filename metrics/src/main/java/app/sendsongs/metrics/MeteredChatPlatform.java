package app.sendsongs.metrics;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.ForwardingChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat platform that counts what became of every message the core sent through it ({@value #MESSAGES}):
 * {@code sent}, or held ({@code outside_window}, {@code unreachable}, {@code failed}) with the platform's error
 * code when its reason names one. The core holds every message that is not sent, so the held ones are the outcomes
 * other than {@code sent}. A group chat's posts and edits are not counted: they are not the core's messages to people.
 */
public final class MeteredChatPlatform extends ForwardingChatPlatform {
    public static final String MESSAGES = "send_songs.messages";
    /** "code 613" or "code 100/2018001" in an adapter's reason: the platform's error code, a short number. */
    private static final Pattern CODE = Pattern.compile("\\bcode (\\d{1,6})\\b");
    private static final Pattern HTTP_STATUS = Pattern.compile("\\bHTTP (\\d{3})\\b");

    private final Meters meters;

    public MeteredChatPlatform(ChatPlatform platform, Meters meters) {
        super(platform);
        this.meters = meters;
    }

    @Override
    public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
        SendOutcome outcome = platform.send(recipientId, message, kind, reference);
        switch (outcome) {
            case SendOutcome.Sent sent -> count("sent", "none");
            case SendOutcome.OutsideWindow outside -> count("outside_window", "none");
            case SendOutcome.Unreachable unreachable -> count("unreachable", errorCode(unreachable.reason()));
            case SendOutcome.Refused refused -> count("refused", errorCode(refused.reason()));
            case SendOutcome.Failed failed -> count("failed", errorCode(failed.reason()));
        }
        return outcome;
    }

    private void count(String outcome, String code) {
        meters.count(MESSAGES, Map.of("platform", platform.platform().id(), "outcome", outcome, "code", code));
    }

    /** The platform's error code in a reason (a number), else its HTTP status, else {@code none}. */
    static String errorCode(String reason) {
        if (reason == null) {
            return "none";
        }
        Matcher code = CODE.matcher(reason);
        if (code.find()) {
            return code.group(1);
        }
        Matcher status = HTTP_STATUS.matcher(reason);
        return status.find() ? "http_" + status.group(1) : "none";
    }
}
