package app.sendsongs.core.user;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Platform;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handles ({@code @username}) of registered people: learnt from their platform whenever the bot reads their
 * profile, and checked with it whenever one is used, because handles change hands: a handle someone gave up may be
 * someone else's now, and a song for it must never go to the person who had it. A platform that gives handles gives
 * every person a name too (Telegram's first name is never empty), so a profile without a name is one it could not
 * give just now.
 */
public final class PersonHandles {
    /** How many people {@link #learnOnceARun} remembers having asked about; past that it starts again. */
    private static final int MOST_REMEMBERED = 100_000;
    private final UserStore users;
    private final ChatPlatforms chats;
    private final Set<ChatAddress> learntThisRun = ConcurrentHashMap.newKeySet();

    public PersonHandles(UserStore users, ChatPlatforms chats) {
        this.users = users;
        this.chats = chats;
    }

    /**
     * Keeps the handle the person's platform gives for them now, in place of the one they had. When it gives none, one
     * kept from before stays until it is next used, when it is checked (a platform without handles is not asked more).
     */
    public void learn(ChatAddress person) {
        chats.handle(person).ifPresent(handle -> users.saveHandle(person, handle));
    }

    /**
     * Keeps the handle a platform showed with something the person did just now ({@link HandleSeen}): kept, changed,
     * or forgotten when they gave it up, for a registered person only. One read when it is the one kept already, as
     * almost always; a write only when it changed. A handle someone else was kept with moves to this person: the
     * platform gives it to one at a time.
     */
    public void seen(HandleSeen seen) {
        ChatAddress person = seen.person();
        Optional<String> now = seen.handle().flatMap(Handles::valid);
        if (users.handleKeyOf(person).equals(now.map(Handles::key)) || users.findUser(person).isEmpty()) {
            return;
        }
        now.ifPresentOrElse(current -> users.saveHandle(person, current), () -> users.forgetHandle(person));
    }

    /**
     * {@link #learn}, the first time a registered person writes since this process started: people registered before
     * handles were kept, and people who chose a handle after registering, are found by it from then on, without
     * connecting again. One question to their platform a person a run (none on a platform without handles).
     */
    public void learnOnceARun(ChatAddress person) {
        if (learntThisRun.size() >= MOST_REMEMBERED) {
            learntThisRun.clear();
        }
        if (learntThisRun.add(person)) {
            learn(person);
        }
    }

    /**
     * The registered person who has {@code handle} now, on any platform: one kept with it whose platform still gives
     * it to them. One whose platform gives another handle now keeps that one instead; one it gives none loses theirs.
     */
    public Optional<User> find(String handle) {
        for (Platform platform : chats.platforms()) {
            Optional<User> holder = users.findUserByHandle(platform, handle).filter(user -> stillHas(user, handle));
            if (holder.isPresent()) {
                return holder;
            }
        }
        return Optional.empty();
    }

    private boolean stillHas(User user, String handle) {
        Optional<String> now = chats.handle(user.address());
        if (now.filter(current -> Handles.same(current, handle)).isPresent()) {
            return true;
        }
        now.ifPresentOrElse(current -> users.saveHandle(user.address(), current), () -> hasNone(user.address()));
        return false;
    }

    /**
     * The platform gave no handle: the person's is forgotten when the platform answered (it gives their name), and
     * kept when it could not be asked just now, so a moment's outage loses nobody's handle (it is not used meanwhile).
     */
    private void hasNone(ChatAddress person) {
        if (chats.displayName(person).isPresent()) {
            users.forgetHandle(person);
        }
    }
}
