package app.sendsongs.core.command;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A subject {@code help <topic>} explains as a whole: an introduction, the usage lines of the
 * commands that name it as their topic (in help order), and what follows them; a command named in these texts is
 * written {@code {name}}, for {@link CommandStyle#write}.
 */
enum HelpTopic {
    GROUPS(List.of("groups", "group"),
            "Groups: send one song to several friends at once. Everyone in the group but you gets it with your pre "
                    + "note; each of them is watched on their own, you hear as each plays it, and you get one summary "
                    + "when all have played it or their watch has ended.\n",
            "• {send_song} group:\"Family\" pre:\"for the road trip\" post:\"told you!\" <link> — share with the "
                    + "group; each member gets the post note when they play it.\n"
                    + "Only the person who made a group can add, remove or delete; anyone can leave. Members must have "
                    + "registered with me. If you're in two groups with one name, add the owner: "
                    + "{members} Family (Bob Fisher's). A song, {members} or {leave_group} with that name alone asks "
                    + "which, a tap for each.\nPlain words work too: \"new group\", \"add Bob to Family\", \"kick Bob "
                    + "from Family\", \"leave Family\", \"who is in Family?\".",
            "\nIn a Telegram group chat: add me to it, and a song shared there with {send_song} <link> goes "
                    + "privately to everyone who tapped Count me in (or sent {join} there); {leave} there stops them."),
    PRIVACY(List.of("privacy", "settings", "setting", "controls", "preferences"),
            "Privacy: I look at what you play only to find the songs friends sent you, and when you play one I tell "
                    + "the friend who sent it. Songs come from anyone who knows your name; each song's message has "
                    + "taps to stop telling its sender or to block them. Or:\n",
            "Whoever you block isn't told so; whoever you stop telling is told you don't share plays when they "
                    + "send you a song. Plain words work too: \"turn off receipts\", \"stop\", \"delete my data\".",
            "");

    private final List<String> words;
    private final String introduction;
    private final String closing;
    private final String inGroupChats;

    HelpTopic(List<String> words, String introduction, String closing, String inGroupChats) {
        this.words = words;
        this.introduction = introduction;
        this.closing = closing;
        this.inGroupChats = inGroupChats;
    }

    /** The topic {@code key} (lower case, {@code _} for {@code -}) names, which takes precedence over a command's name. */
    static Optional<HelpTopic> named(String key) {
        return Arrays.stream(values()).filter(topic -> topic.words.contains(key)).findFirst();
    }

    String introduction() {
        return introduction;
    }

    String closing() {
        return closing;
    }

    /** What the topic says of group chats, for the people on the platform whose group chats the bot works in. */
    String inGroupChats() {
        return inGroupChats;
    }
}
