package app.sendsongs.core.group;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Reachability;
import app.sendsongs.core.user.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a group send's confirmation says about the members whose song waits for them. Those a platform's rule holds
 * until they write (Messenger's 24 hours) are named with the link that opens their chat with the bot: the song goes
 * out the moment they tap it, as for a song to one friend. The link is the platform's, the same for each of them, so
 * it is given once for the members it serves. Members who turned out to have blocked the bot are named apart. At
 * most {@value #NAMES_SHOWN} names a list, then how many more, so a big group's confirmation stays short.
 */
final class WaitingMembers {
    static final int NAMES_SHOWN = 10;

    private final ChatPlatforms chats;
    private final Reachability reach;

    WaitingMembers(ChatPlatforms chats, Reachability reach) {
        this.chats = chats;
        this.reach = reach;
    }

    /** What to add to the confirmation about {@code waiting}; empty when nobody waits. */
    String told(List<User> waiting) {
        List<String> unreachable = new ArrayList<>();
        Map<Optional<String>, List<String>> byLink = new LinkedHashMap<>();
        for (User member : waiting) {
            if (reach.unreachable(member)) {
                unreachable.add(member.name());
            } else {
                byLink.computeIfAbsent(chats.conversationLink(member.address().platform(), SendSong.HELD_SONGS_REF),
                        link -> new ArrayList<>()).add(member.name());
            }
        }
        StringBuilder text = new StringBuilder();
        byLink.forEach((link, names) -> text.append(link.map(l -> withLink(names, l)).orElseGet(() -> withoutLink(names))));
        if (!unreachable.isEmpty()) {
            text.append(" I couldn't deliver it to ").append(Texts.names(unreachable, NAMES_SHOWN)).append(": they've "
                    + "blocked me or stopped me in their chat app. It goes to them when they write to me again.");
        }
        return text.toString();
    }

    private static String withLink(List<String> names, String link) {
        return " Their chat app won't let me deliver it to " + Texts.names(names, NAMES_SHOWN) + " just now (they "
                + "haven't written to me lately). Send " + (names.size() == 1 ? "them" : "each of them") + " this link: "
                + link + "\nIt goes out the moment they tap it, and I'll start watching then.";
    }

    private static String withoutLink(List<String> names) {
        return " It waits for " + Texts.names(names, NAMES_SHOWN) + " until they next write to me (they haven't "
                + "lately); I'll start watching then.";
    }
}
