package app.sendsongs.core.user;

import java.util.List;
import java.util.Optional;

/** Port: registered people, by Messenger id and by name. */
public interface UserStore {
    Optional<User> findUser(String psid);

    /** Everyone registered under this name, compared by {@link Names#key}; oldest registration first. */
    List<User> findUsersByName(String name);

    /** Inserts or replaces. */
    void saveUser(User user);

    void deleteUser(String psid);
}
