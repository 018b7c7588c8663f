package app.sendsongs.core.groupchat;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Reachability;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who songs shared in a chat reach, as the chat is told ({@code /who}, {@code /join}): the people counted in, less
 * those every song skips ({@link ChatSend} does), in the order it names them to the sender: whoever must connect their
 * listening again (the bot could not tell when they play a song), then whoever their platform said cannot be reached
 * ({@link Reachability}: they blocked the bot, their account is gone). Those stay counted in and are named apart, the
 * unreachable with no reason, since why is theirs and not the chat's; they are counted again as soon as they reconnect
 * or write to the bot, as songs reach them again then.
 */
public final class Headcount {
    /** What makes someone who can't be reached get the chat's songs again, said without saying why they can't. */
    static final String UNTIL_THEY_WRITE = "(songs reach them again once they write to me privately)";
    /** Why someone whose listening is disconnected does not get the chat's songs, and what changes that. */
    static final String UNTIL_THEY_RECONNECT = "until they connect their listening again";

    private final Roster roster;
    private final UserStore users;
    private final Reachability reach;

    public Headcount(Roster roster, UserStore users, Reachability reach) {
        this.roster = roster;
        this.users = users;
        this.reach = reach;
    }

    /** Whether songs shared in a chat reach someone counted in there, and if not, why every one skips them. */
    enum Standing { REACHED, DISCONNECTED, UNREACHABLE }

    /**
     * The registered people counted in for a chat, in the order they were counted in, split by whether songs reach
     * them and, for those they don't, why.
     */
    record Count(List<User> reached, List<User> disconnected, List<User> unreachable) {
        boolean nobody() {
            return reached.isEmpty() && disconnected.isEmpty() && unreachable.isEmpty();
        }
    }

    Count of(ChatAddress chat) {
        Map<Standing, List<User>> split = roster.members(chat).stream()
                .flatMap(member -> users.findUser(member.person()).stream())
                .collect(Collectors.groupingBy(this::standing));
        return new Count(split.getOrDefault(Standing.REACHED, List.of()),
                split.getOrDefault(Standing.DISCONNECTED, List.of()),
                split.getOrDefault(Standing.UNREACHABLE, List.of()));
    }

    Standing standing(User person) {
        if (person.needsReconnect()) {
            return Standing.DISCONNECTED;
        }
        return reach.unreachable(person) ? Standing.UNREACHABLE : Standing.REACHED;
    }

    /** The answer to {@code /who}. */
    String who(ChatAddress chat) {
        Count count = of(chat);
        if (count.nobody()) {
            return "Nobody is counted in here yet.";
        }
        StringBuilder text = new StringBuilder(count.reached().isEmpty() ? "Songs shared here go to nobody right now."
                : "Songs shared here go to " + Texts.people(count.reached().size()) + ": " + names(count.reached())
                + ".");
        if (!count.unreachable().isEmpty()) {
            text.append(" Can't be reached right now: ").append(names(count.unreachable())).append(' ')
                    .append(UNTIL_THEY_WRITE).append('.');
        }
        if (!count.disconnected().isEmpty()) {
            text.append(" Not getting songs ").append(UNTIL_THEY_RECONNECT).append(": ")
                    .append(names(count.disconnected())).append('.');
        }
        return text.toString();
    }

    private static String names(List<User> people) {
        return String.join(", ", people.stream().map(User::name).toList());
    }
}
