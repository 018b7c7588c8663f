package app.sendsongs.core.fakes;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link UserStore} in a map. */
public final class InMemoryUsers implements UserStore {
    private final Map<ChatAddress, User> users = new HashMap<>();

    @Override
    public synchronized Optional<User> findUser(ChatAddress address) {
        return Optional.ofNullable(users.get(address));
    }

    @Override
    public synchronized List<User> findUsersByName(String name) {
        String key = Names.key(name);
        return users.values().stream().filter(u -> u.nameKey().equals(key))
                .sorted(Comparator.comparing(User::registeredAt).thenComparing(u -> u.address().key())).toList();
    }

    @Override
    public synchronized void saveUser(User user) {
        users.put(user.address(), user);
    }

    @Override
    public synchronized void saveLastMessageAt(ChatAddress address, Instant at) {
        users.computeIfPresent(address, (key, user) -> user.withLastMessageAt(at));
    }

    @Override
    public synchronized void deleteUser(ChatAddress address) {
        users.remove(address);
    }
}
