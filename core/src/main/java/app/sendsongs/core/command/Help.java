package app.sendsongs.core.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The command list with examples, one usage line per command for error replies, and topics. */
public final class Help {
    private static final Map<String, String> USAGE = new LinkedHashMap<>();
    private static final List<String> GROUP_COMMANDS = List.of("create_group", "add_to_group", "remove_from_group",
            "leave_group", "groups", "members", "delete_group");

    static {
        USAGE.put("send_song", "send_song name:\"Bob Fisher\" pre:\"you'll love the bridge\" post:\"told you!\" "
                + "https://open.spotify.com/track/<id> — send a song; pre goes with it, post is revealed once they "
                + "play it. To everyone in a group: send_song group:\"Family\" <link>");
        USAGE.put("register", "register code:\"<code>\" name:\"<your full name>\" — finish connecting Spotify "
                + "with the code from the connect page.");
        USAGE.put("pending", "pending — the songs you sent that are still being watched.");
        USAGE.put("history", "history — the songs you sent lately and whether they were played.");
        USAGE.put("cancel", "cancel <number>|all — stop watching a song from your pending list.");
        USAGE.put("create_group", "create_group name:\"Family\" — make a group you own (create_group Family works "
                + "too).");
        USAGE.put("add_to_group", "add_to_group Family \"Bob Fisher\" — add someone registered with me to your "
                + "group; I tell them, and they can leave.");
        USAGE.put("remove_from_group", "remove_from_group Family \"Bob Fisher\" — take someone out of your group.");
        USAGE.put("leave_group", "leave_group Family — leave a group; songs sent to it stop coming to you.");
        USAGE.put("groups", "groups — the groups you're in.");
        USAGE.put("members", "members Family — who is in a group.");
        USAGE.put("delete_group", "delete_group Family — delete a group you made; its songs stop being watched.");
        USAGE.put("forget_me", "forget_me — delete everything stored about you.");
        USAGE.put("help", "help [command] — this list, or one command; help groups explains groups.");
    }

    private static final String GROUPS_TOPIC = groupsTopic();

    private Help() {
    }

    /** The usage line of one command, empty string for unknown commands. */
    public static String usage(String command) {
        return USAGE.getOrDefault(command.toLowerCase(Locale.ROOT), "");
    }

    /** {@code help <topic>}: the explanation of groups, or one command's usage line. */
    public static Optional<String> topic(String topic) {
        String key = topic.toLowerCase(Locale.ROOT).replace('-', '_');
        if (key.equals("groups") || key.equals("group")) {
            return Optional.of(GROUPS_TOPIC);
        }
        return Optional.ofNullable(USAGE.get(key));
    }

    /** The whole list. */
    public static String all() {
        StringBuilder text = new StringBuilder("Send Songs — share Spotify songs and hear when friends play them.\n");
        USAGE.values().forEach(line -> text.append("• ").append(line).append('\n'));
        text.append("Quotes can be \"straight\" or “curly”; keywords work in any case and order.");
        return text.toString();
    }

    /** The short pointer sent with unrecognised text. */
    public static String brief() {
        return "Commands: send_song, register, pending, history, cancel, " + String.join(", ", GROUP_COMMANDS)
                + ", forget_me, help. Type help for examples.";
    }

    private static String groupsTopic() {
        StringBuilder text = new StringBuilder("Groups: send one song to several friends at once. Everyone in the "
                + "group but you gets it with your pre note; each of them is watched on their own, you hear as each "
                + "plays it, and you get one summary when all have played it or their watch has ended.\n");
        GROUP_COMMANDS.forEach(command -> text.append("• ").append(USAGE.get(command)).append('\n'));
        text.append("• send_song group:\"Family\" pre:\"for the road trip\" post:\"told you!\" <link> — share with "
                + "the group; each member gets the post note when they play it.\n");
        text.append("Only the person who made a group can add, remove or delete; anyone can leave. Members must have "
                + "registered with me. If you're in two groups with one name, add the owner: "
                + "members Family (Bob Fisher's).");
        return text.toString();
    }
}
