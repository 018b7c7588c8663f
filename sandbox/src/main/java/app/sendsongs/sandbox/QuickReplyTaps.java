package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Which quick replies a person can tap: Messenger shows them above the composer under the newest message only, and
 * they go away once another message comes (or one is tapped), so a tap can carry only a payload of the newest
 * message the page sent. A tap that left the phone before the page's newer message arrived names the newest message
 * the person saw ({@code newest_seen}); that is the only way an older message's quick reply reaches the bot. Template
 * buttons (postbacks) stay tappable and are not checked here.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/quick-replies">Quick
 *      replies: shown above the composer, dismissed when tapped</a>
 */
final class QuickReplyTaps {
    private QuickReplyTaps() {
    }

    /**
     * Refuses a tap on {@code payload} that is not under the message the person's phone showed last: the one named
     * {@code newestSeen} (400 when the page never sent them such a message), else the newest in {@code inbox}. An
     * empty inbox is let through: the emulator forgets the chats when it starts again, the person's phone does not.
     */
    static void check(String psid, List<MessengerEmulator.InboxMessage> inbox, String payload, String newestSeen) {
        if (inbox.isEmpty()) {
            return;
        }
        MessengerEmulator.InboxMessage shown = newestSeen == null ? inbox.getLast() : inbox.stream()
                .filter(m -> m.messageId().equals(newestSeen)).findFirst()
                .orElseThrow(() -> HttpProblem.control(400, "\"newest_seen\" " + newestSeen
                        + " is not a message the page sent to " + psid));
        for (JsonNode reply : shown.message().path("quick_replies")) {
            if (reply.path("payload").asText().equals(payload)) {
                return;
            }
        }
        throw HttpProblem.control(409, "quick reply \"" + payload + "\" is not under the newest message the page sent to "
                + psid + " (" + shown.messageId() + "), and Messenger shows quick replies under the newest message "
                + "only; a tap sent before a newer message arrived names the message it was under as \"newest_seen\"");
    }
}
