package app.sendsongs.core.user;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: registered people, by their chat address and by name. */
public interface UserStore {
    Optional<User> findUser(ChatAddress address);

    /**
     * Everyone registered under this name, compared by {@link Names#key}; oldest registration first,
     * ties by {@link ChatAddress#key()}.
     */
    List<User> findUsersByName(String name);

    /** Inserts or replaces. */
    void saveUser(User user);

    /**
     * Sets when the person last wrote and nothing else (no effect for someone not registered): unlike
     * {@link #saveUser} it cannot put back a grant that changed since the person was read, and it
     * writes no Spotify token.
     */
    void saveLastMessageAt(ChatAddress address, Instant at);

    void deleteUser(ChatAddress address);
}
