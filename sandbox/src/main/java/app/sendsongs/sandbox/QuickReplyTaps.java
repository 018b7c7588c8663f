package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which quick replies a person can tap: Messenger shows them above the composer under the newest message only, and
 * they go away once another message comes or one of them is tapped, so a tap can carry only a payload of the newest
 * message the page sent, and only once. A tap that left the phone before the page's newer message arrived names the
 * newest message the person saw ({@code newest_seen}); that is the only way an older message's quick reply reaches
 * the bot. Template buttons (postbacks) stay tappable and are not checked here.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/quick-replies">Quick
 *      replies: shown above the composer; "When a quick reply is tapped, the buttons are dismissed"</a>
 */
final class QuickReplyTaps {
    /** By person, the messages whose quick replies they tapped: Messenger dismissed those. */
    private final ConcurrentHashMap<String, Set<String>> tapped = new ConcurrentHashMap<>();

    /**
     * Lets through a tap on {@code payload} under the message the person's phone showed last, the one named
     * {@code newestSeen} (400 when the page never sent them such a message), else the newest in {@code inbox}, and
     * marks that message's quick replies as tapped. Refuses (409) a payload that is not among its quick replies, and
     * any tap on quick replies already tapped. An empty inbox is let through: the emulator forgets the chats when it
     * starts again, the person's phone does not.
     */
    void tap(String psid, List<MessengerEmulator.InboxMessage> inbox, String payload, String newestSeen) {
        if (inbox.isEmpty()) {
            return;
        }
        MessengerEmulator.InboxMessage shown = newestSeen == null ? inbox.getLast() : inbox.stream()
                .filter(m -> m.messageId().equals(newestSeen)).findFirst()
                .orElseThrow(() -> HttpProblem.control(400, "\"newest_seen\" " + newestSeen
                        + " is not a message the page sent to " + psid));
        Set<String> dismissed = tapped.computeIfAbsent(psid, k -> ConcurrentHashMap.newKeySet());
        if (dismissed.contains(shown.messageId())) {
            throw alreadyTapped(psid, shown);
        }
        if (!offers(shown, payload)) {
            throw HttpProblem.control(409, "quick reply \"" + payload + "\" is not under the newest message the page "
                    + "sent to " + psid + " (" + shown.messageId() + "), and Messenger shows quick replies under the "
                    + "newest message only; a tap sent before a newer message arrived names the message it was under "
                    + "as \"newest_seen\"");
        }
        if (!dismissed.add(shown.messageId())) {
            throw alreadyTapped(psid, shown);
        }
    }

    private static boolean offers(MessengerEmulator.InboxMessage message, String payload) {
        for (JsonNode reply : message.message().path("quick_replies")) {
            if (reply.path("payload").asText().equals(payload)) {
                return true;
            }
        }
        return false;
    }

    private static HttpProblem alreadyTapped(String psid, MessengerEmulator.InboxMessage message) {
        return HttpProblem.control(409, "the quick replies under the message the page sent to " + psid + " ("
                + message.messageId() + ") were already tapped, and Messenger dismisses quick replies once one is "
                + "tapped; the person can type instead, or tap the quick replies of a newer message");
    }
}
