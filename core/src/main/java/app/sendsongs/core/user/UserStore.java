package app.sendsongs.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: registered people, by Messenger id and by name. */
public interface UserStore {
    Optional<User> findUser(String psid);

    /** Everyone registered under this name, compared by {@link Names#key}; oldest registration first. */
    List<User> findUsersByName(String name);

    /** Inserts or replaces. */
    void saveUser(User user);

    /**
     * Sets when the person last wrote and nothing else (no effect for someone not registered): unlike
     * {@link #saveUser} it cannot put back a grant that changed since the person was read, and it
     * writes no Spotify token.
     */
    void saveLastMessageAt(String psid, Instant at);

    void deleteUser(String psid);
}
