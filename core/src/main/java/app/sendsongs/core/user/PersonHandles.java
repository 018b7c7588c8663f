package app.sendsongs.core.user;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Platform;
import java.util.Optional;

/**
 * The handles ({@code @username}) of registered people: learnt from their platform whenever the bot reads their
 * profile, and checked with it whenever one is used, because handles change hands: a handle someone gave up may be
 * someone else's now, and a song for it must never go to the person who had it.
 */
public final class PersonHandles {
    private final UserStore users;
    private final ChatPlatforms chats;

    public PersonHandles(UserStore users, ChatPlatforms chats) {
        this.users = users;
        this.chats = chats;
    }

    /** Keeps the handle the person's platform gives for them now, or forgets theirs when it gives none. */
    public void learn(ChatAddress person) {
        chats.handle(person).ifPresentOrElse(handle -> users.saveHandle(person, handle),
                () -> users.forgetHandle(person));
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
        now.ifPresentOrElse(current -> users.saveHandle(user.address(), current),
                () -> users.forgetHandle(user.address()));
        return false;
    }
}
