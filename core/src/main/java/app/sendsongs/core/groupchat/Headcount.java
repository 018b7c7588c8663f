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
 * those their platform said cannot be reached ({@link Reachability}: they blocked the bot, their account is gone), whom
 * every song skips. Those stay counted in and are named apart, with no reason, since why is theirs and not the chat's;
 * they are counted again as soon as they write to the bot, as songs reach them again then.
 */
public final class Headcount {
    /** What makes someone who can't be reached get the chat's songs again, said without saying why they can't. */
    static final String UNTIL_THEY_WRITE = "(songs reach them again once they write to me privately)";

    private final Roster roster;
    private final UserStore users;
    private final Reachability reach;

    public Headcount(Roster roster, UserStore users, Reachability reach) {
        this.roster = roster;
        this.users = users;
        this.reach = reach;
    }

    /** The registered people counted in for a chat, in the order they were counted in, split by whether songs reach them. */
    record Count(List<User> reached, List<User> unreachable) {
        boolean nobody() {
            return reached.isEmpty() && unreachable.isEmpty();
        }
    }

    Count of(ChatAddress chat) {
        Map<Boolean, List<User>> split = roster.members(chat).stream()
                .flatMap(member -> users.findUser(member.person()).stream())
                .collect(Collectors.partitioningBy(reach::unreachable));
        return new Count(split.get(false), split.get(true));
    }

    boolean unreachable(User person) {
        return reach.unreachable(person);
    }

    /** The answer to {@code /who}. */
    String who(ChatAddress chat) {
        Count count = of(chat);
        if (count.nobody()) {
            return "Nobody is counted in here yet.";
        }
        String reached = count.reached().isEmpty() ? "Songs shared here go to nobody right now."
                : "Songs shared here go to " + Texts.people(count.reached().size()) + ": " + names(count.reached())
                + ".";
        return count.unreachable().isEmpty() ? reached : reached + " Can't be reached right now: "
                + names(count.unreachable()) + " " + UNTIL_THEY_WRITE + ".";
    }

    private static String names(List<User> people) {
        return String.join(", ", people.stream().map(User::name).toList());
    }
}
