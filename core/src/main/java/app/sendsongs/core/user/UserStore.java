package app.sendsongs.core.user;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Platform;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: registered people, by their chat address, by name, and by the handle they chose on their platform
 * ({@link Handles}: a Telegram username), which friends can type as {@code @handle}.
 */
public interface UserStore {
    Optional<User> findUser(ChatAddress address);

    /**
     * Everyone registered under this name, compared by {@link Names#key}; oldest registration first,
     * ties by {@link ChatAddress#key()}.
     */
    List<User> findUsersByName(String name);

    /**
     * Everyone registered under any of these names, compared by {@link Names#key}, each once: for an answer that
     * names several people, so that whether any of them has a namesake costs one read however many lines it has. By
     * default one {@link #findUsersByName} each.
     */
    default List<User> findUsersByNames(Collection<String> names) {
        Map<ChatAddress, User> found = new LinkedHashMap<>();
        names.stream().map(Names::key).distinct().forEach(name -> findUsersByName(name)
                .forEach(user -> found.putIfAbsent(user.address(), user)));
        return List.copyOf(found.values());
    }

    /**
     * Everyone who had this name before they changed it ({@link User#formerNames}, compared by {@link Names#key}),
     * ordered as {@link #findUsersByName}: one read, so that a lookup by name can afford it every time.
     */
    List<User> findUsersOnceNamed(String name);

    /** Inserts or replaces. */
    void saveUser(User user);

    /**
     * Sets when the person last wrote and nothing else (no effect for someone not registered): unlike
     * {@link #saveUser} it cannot put back a grant that changed since the person was read, and it
     * writes no Spotify token.
     */
    void saveLastMessageAt(ChatAddress address, Instant at);

    /** Deletes the person, and their handle and former names with them. */
    void deleteUser(ChatAddress address);

    /**
     * The registered person who has {@code handle} on {@code platform}, compared by {@link Handles#key}; empty when
     * nobody registered has it. A handle may have changed hands since it was saved: ask the platform before trusting
     * it.
     */
    Optional<User> findUserByHandle(Platform platform, String handle);

    /**
     * Keeps {@code handle} as the person's handle on their address's platform: it replaces the one they had, and
     * nobody else on that platform has it any more (a platform gives a handle to one person at a time).
     */
    void saveHandle(ChatAddress address, String handle);

    /**
     * The handle kept for the person, as its {@link Handles#key}; empty when none is (they have none, it was forgotten,
     * or someone else on their platform was saved with it since). One read, so that a handle seen on every message can
     * be compared with it and written only when it changed.
     */
    Optional<String> handleKeyOf(ChatAddress address);

    /** Forgets the person's handle, if they had one kept. */
    void forgetHandle(ChatAddress address);
}
