package app.sendsongs.core.fakes;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link UserStore} in maps. */
public final class InMemoryUsers implements UserStore {
    private static final int BEFORE = 1;
    private static final int AFTER = 2;
    private final Map<ChatAddress, User> users = new HashMap<>();
    private int diesAtNextSave;
    /** Each person's handle key, and who has each handle: "telegram:carolk" for "CarolK" on Telegram. */
    private final Map<ChatAddress, String> handles = new HashMap<>();
    private final Map<String, ChatAddress> byHandle = new HashMap<>();

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
    public synchronized List<User> findUsersOnceNamed(String name) {
        String key = Names.key(name);
        return users.values().stream().filter(u -> u.formerNames().stream().map(FormerName::key).anyMatch(key::equals))
                .sorted(Comparator.comparing(User::registeredAt).thenComparing(u -> u.address().key())).toList();
    }

    @Override
    public synchronized void saveUser(User user) {
        int dies = diesAtNextSave;
        diesAtNextSave = 0;
        if (dies == BEFORE) {
            throw new RecordingChat.ProcessDied();
        }
        users.put(user.address(), user);
        if (dies == AFTER) {
            throw new RecordingChat.ProcessDied();
        }
    }

    /**
     * The process dies at the next {@link #saveUser}: a {@link RecordingChat.ProcessDied} is thrown out of it, before
     * it saved the person or, {@code afterSaving}, once it did.
     */
    public synchronized void diesAtNextSaveUser(boolean afterSaving) {
        diesAtNextSave = afterSaving ? AFTER : BEFORE;
    }

    @Override
    public synchronized void saveLastMessageAt(ChatAddress address, Instant at) {
        users.computeIfPresent(address, (key, user) -> user.withLastMessageAt(at));
    }

    @Override
    public synchronized void deleteUser(ChatAddress address) {
        forgetHandle(address);
        users.remove(address);
    }

    @Override
    public synchronized Optional<User> findUserByHandle(Platform platform, String handle) {
        return Optional.ofNullable(byHandle.get(handleKey(platform, handle))).map(users::get);
    }

    @Override
    public synchronized void saveHandle(ChatAddress address, String handle) {
        forgetHandle(address);
        String key = handleKey(address.platform(), handle);
        ChatAddress earlier = byHandle.put(key, address);
        if (earlier != null) {
            handles.remove(earlier);
        }
        handles.put(address, key);
    }

    @Override
    public synchronized Optional<String> handleKeyOf(ChatAddress address) {
        return Optional.ofNullable(handles.get(address)).map(key -> key.substring(key.indexOf(':') + 1));
    }

    @Override
    public synchronized void forgetHandle(ChatAddress address) {
        String key = handles.remove(address);
        if (key != null) {
            byHandle.remove(key);
        }
    }

    private static String handleKey(Platform platform, String handle) {
        return platform.id() + ":" + Handles.key(handle);
    }
}
