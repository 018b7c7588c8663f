package app.sendsongs.store.dynamodb;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Registered people: {@code USER#<person>} ({@link PersonKey}); in {@code gsi1} under
 * {@code NAME#<name key>}, sorted by registration time, so a name lookup is one query. The
 * attribute {@code psid} holds the person key (the name is kept from before people had chat
 * addresses, so older items need no rewrite). A person's handle is two items: {@code HANDLE#<platform>#<handle key>}
 * names who has it ({@code psid}), and {@code USER#<person>} / {@code HANDLE} which handle the person has, so it can
 * be let go (only while it still names them: the platform may have given it to someone else since). Each of a
 * person's former names is an item {@code ONCE_NAMED#<name key>} / {@code USER#<person>}, so that the people once
 * called by a name are one query; saving the person puts and deletes them as their former names change. When they had
 * each is {@code formerNameTimes}, beside {@code formerNames} (which versions before it read as they were); names
 * saved without times are read as held from the person's registration until their last message, until the person is
 * saved again with them.
 */
final class DynamoUsers implements UserStore {
    static final String TYPE = "USER";
    private static final String PERSON = "psid";
    private static final String LAST_MESSAGE_AT = "lastMessageAt";
    /** A list, the latest first; absent when the person has had no other name. */
    private static final String FORMER_NAMES = "formerNames";
    /** A map {@code from}, {@code until} (epoch ms) for each of {@link #FORMER_NAMES}, in the same order. */
    private static final String FORMER_NAME_TIMES = "formerNameTimes";
    private static final String FROM = "from";
    private static final String UNTIL = "until";
    /** When the person took the name they have; absent: when they registered. */
    private static final String NAMED_AT = "namedAt";
    private static final String ONCE_NAMED = "ONCE_NAMED";
    private static final String HANDLE = "HANDLE";
    private static final String HANDLE_KEY = "handleKey";
    private static final Comparator<User> OLDEST_REGISTRATION_FIRST = Comparator
            .comparing(User::registeredAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(user -> user.address().key());

    private final DynamoTable table;
    private final GrantAttributes grants;

    DynamoUsers(DynamoTable table, GrantAttributes grants) {
        this.table = table;
        this.grants = grants;
    }

    @Override
    public Optional<User> findUser(ChatAddress address) {
        return table.get(key(address)).map(this::user);
    }

    /**
     * One query, and more only for a name with accents, an apostrophe, Hebrew or Arabic vowel marks or another kind of
     * hyphen: people saved before names compared without them (the table keeps no schema version to upgrade it by) are
     * under the key their name had then until they are saved again, so the keys the typed name had then are looked
     * under too, with a phone's apostrophe (’) as well ({@link KeysBefore}).
     */
    @Override
    public List<User> findUsersByName(String name) {
        Map<ChatAddress, User> found = new LinkedHashMap<>();
        for (String key : KeysBefore.nameKeys(name)) {
            byNameKey(key).forEach(user -> found.putIfAbsent(user.address(), user));
        }
        return found.values().stream().sorted(OLDEST_REGISTRATION_FIRST).toList();
    }

    private List<User> byNameKey(String key) {
        String partition = nameKey(key);
        // DynamoDB refuses a query by a key longer than any it can hold (ValidationException "Size of hashkey has
        // exceeded the maximum size limit"): such a typed name is nobody's.
        if (!TableLayout.fitsPartitionKey(partition)) {
            return List.of();
        }
        Condition byName = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(partition));
        return table.query(DynamoTable.queryFor(byName).indexName(TableLayout.GSI1).build(), 0).stream()
                .map(this::user).toList();
    }

    /**
     * One query, and one more for a name with Hebrew or Arabic vowel marks or another kind of hyphen: a former name's
     * item saved before names compared without them is under the key the name had then until the person is saved
     * again.
     */
    @Override
    public List<User> findUsersOnceNamed(String name) {
        Map<ChatAddress, User> found = new LinkedHashMap<>();
        for (String key : new LinkedHashSet<>(List.of(Names.key(name), KeysBefore.markedKey(name)))) {
            onceNamed(key).forEach(user -> found.putIfAbsent(user.address(), user));
        }
        return found.values().stream().sorted(OLDEST_REGISTRATION_FIRST).toList();
    }

    private List<User> onceNamed(String key) {
        String partition = ONCE_NAMED + "#" + key;
        if (!TableLayout.fitsPartitionKey(partition)) {
            return List.of();
        }
        return table.query(DynamoTable.queryFor(Condition.equalTo(TableLayout.PK, Attr.s(partition))).build(), 0)
                .stream().map(item -> Attr.person(item, PERSON)).map(this::findUser).flatMap(Optional::stream)
                .toList();
    }

    /**
     * The person's item, then the items of the former names they gained, then the deletes of those they lost. A former
     * name whose key was another before ({@link KeysBefore#markedKey}) may be under that one only: its item is put
     * again under the key of now, and the one under the key before deleted.
     */
    @Override
    public void saveUser(User user) {
        List<String> before = table.replace(item(user)).map(DynamoUsers::names).orElse(List.of());
        List<String> names = user.formerNames().stream().map(FormerName::name).toList();
        Set<String> now = formerNameKeys(names);
        Set<String> saved = formerNameKeys(before);
        names.stream().filter(name -> !saved.contains(Names.key(name)) || rekeyed(name)).map(Names::key).distinct()
                .forEach(key -> table.put(onceNamed(key, user.address())));
        Set<String> gone = new LinkedHashSet<>(saved);
        before.stream().filter(DynamoUsers::rekeyed).map(KeysBefore::markedKey).forEach(gone::add);
        gone.stream().filter(key -> !now.contains(key))
                .forEach(key -> table.delete(onceNamedKey(key, user.address())));
    }

    /** Whether the name's key before names compared without vowel marks and hyphens' kinds is another than now. */
    private static boolean rekeyed(String name) {
        return !KeysBefore.markedKey(name).equals(Names.key(name));
    }

    /** Only on an existing item: an update without the condition would create a bare one. */
    @Override
    public void saveLastMessageAt(ChatAddress address, Instant at) {
        table.updateIf(key(address), new Update().set(LAST_MESSAGE_AT, Attr.time(at)),
                Condition.attributeExists(PERSON));
    }

    @Override
    public void deleteUser(ChatAddress address) {
        forgetHandle(address);
        List<String> formerNames = table.take(key(address)).map(DynamoUsers::names).orElse(List.of());
        Set<String> keys = formerNameKeys(formerNames);
        formerNames.stream().filter(DynamoUsers::rekeyed).map(KeysBefore::markedKey).forEach(keys::add);
        keys.forEach(nameKey -> table.delete(onceNamedKey(nameKey, address)));
    }

    /** A handle too long for a key was never saved, and is not looked up. */
    @Override
    public Optional<User> findUserByHandle(Platform platform, String handle) {
        String partition = handlePartition(platform, Handles.key(handle));
        if (!TableLayout.fitsPartitionKey(partition)) {
            return Optional.empty();
        }
        return table.get(TableLayout.key(partition, HANDLE)).map(item -> Attr.person(item, PERSON))
                .flatMap(this::findUser);
    }

    /**
     * The handle's item is written over: whoever had it no longer does (their own item goes, unless it names another
     * handle by then), and letting theirs go leaves it alone.
     */
    @Override
    public void saveHandle(ChatAddress address, String handle) {
        forgetHandle(address);
        String handleKey = Handles.key(handle);
        Map<String, AttributeValue> holderKey = TableLayout.key(handlePartition(address.platform(), handleKey), HANDLE);
        table.get(holderKey).map(item -> Attr.person(item, PERSON)).filter(earlier -> !earlier.equals(address))
                .ifPresent(earlier -> table.deleteIf(TableLayout.key(partition(PersonKey.of(earlier)), HANDLE),
                        Condition.equalTo(HANDLE_KEY, Attr.s(handleKey))));
        Map<String, AttributeValue> holder = TableLayout.item(HANDLE, handlePartition(address.platform(), handleKey),
                HANDLE);
        holder.put(PERSON, Attr.person(address));
        table.put(holder);
        Map<String, AttributeValue> own = TableLayout.item(HANDLE, partition(PersonKey.of(address)), HANDLE);
        own.put(HANDLE_KEY, Attr.s(handleKey));
        table.put(own);
    }

    @Override
    public Optional<String> handleKeyOf(ChatAddress address) {
        return table.get(TableLayout.key(partition(PersonKey.of(address)), HANDLE))
                .map(own -> Attr.string(own, HANDLE_KEY));
    }

    @Override
    public void forgetHandle(ChatAddress address) {
        table.take(TableLayout.key(partition(PersonKey.of(address)), HANDLE)).ifPresent(own -> table.deleteIf(
                TableLayout.key(handlePartition(address.platform(), Attr.string(own, HANDLE_KEY)), HANDLE),
                Condition.equalTo(PERSON, Attr.person(address))));
    }

    private static Set<String> formerNameKeys(List<String> names) {
        return names.stream().map(Names::key).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<String> names(Map<String, AttributeValue> item) {
        return item.containsKey(FORMER_NAMES)
                ? item.get(FORMER_NAMES).l().stream().map(AttributeValue::s).toList() : List.of();
    }

    /** The former names with their times; those saved without (by earlier versions) as the class comment says. */
    private static List<FormerName> formerNames(Map<String, AttributeValue> item) {
        List<String> names = names(item);
        List<Map<String, AttributeValue>> times = item.containsKey(FORMER_NAME_TIMES)
                ? Attr.maps(item, FORMER_NAME_TIMES) : List.of();
        Instant from = Optional.ofNullable(Attr.timeOrNull(item, "registeredAt")).orElse(Instant.EPOCH);
        Instant until = Optional.ofNullable(Attr.timeOrNull(item, LAST_MESSAGE_AT)).orElse(from);
        List<FormerName> former = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            former.add(times.size() == names.size()
                    ? new FormerName(names.get(i), Attr.time(times.get(i), FROM), Attr.time(times.get(i), UNTIL))
                    : new FormerName(names.get(i), from, until));
        }
        return former;
    }

    private static AttributeValue times(FormerName name) {
        return AttributeValue.fromM(Map.of(FROM, Attr.time(name.from()), UNTIL, Attr.time(name.until())));
    }

    private static Map<String, AttributeValue> onceNamed(String nameKey, ChatAddress address) {
        Map<String, AttributeValue> item = TableLayout.item(ONCE_NAMED, ONCE_NAMED + "#" + nameKey,
                partition(PersonKey.of(address)));
        item.put(PERSON, Attr.person(address));
        return item;
    }

    private static Map<String, AttributeValue> onceNamedKey(String nameKey, ChatAddress address) {
        return TableLayout.key(ONCE_NAMED + "#" + nameKey, partition(PersonKey.of(address)));
    }

    private static String handlePartition(Platform platform, String handleKey) {
        return HANDLE + "#" + platform.id() + "#" + handleKey;
    }

    private static Map<String, AttributeValue> key(ChatAddress address) {
        return TableLayout.key(partition(PersonKey.of(address)), TYPE);
    }

    private static String partition(String person) {
        return TYPE + "#" + person;
    }

    private static String nameKey(String key) {
        return "NAME#" + key;
    }

    private Map<String, AttributeValue> item(User user) {
        String person = PersonKey.of(user.address());
        Map<String, AttributeValue> item = TableLayout.item(TYPE, partition(person), TYPE);
        item.put(PERSON, Attr.s(person));
        item.put("name", Attr.s(user.name()));
        item.put(TableLayout.GSI1_PK, Attr.s(nameKey(user.nameKey())));
        item.put(TableLayout.GSI1_SK, Attr.s((user.registeredAt() == null ? ""
                : TableLayout.sortableTime(user.registeredAt())) + "#" + person));
        grants.put(item, user.connection());
        Attr.putIfPresent(item, "grantState", user.grantState() == null ? null : Attr.s(user.grantState().name()));
        Attr.putIfPresent(item, "registeredAt", Attr.timeOrNull(user.registeredAt()));
        Attr.putIfPresent(item, LAST_MESSAGE_AT, Attr.timeOrNull(user.lastMessageAt()));
        Attr.putIfPresent(item, NAMED_AT, Attr.timeOrNull(user.namedAt()));
        if (!user.formerNames().isEmpty()) {
            item.put(FORMER_NAMES, Attr.list(user.formerNames().stream().map(FormerName::name).toList()));
            item.put(FORMER_NAME_TIMES, AttributeValue.fromL(user.formerNames().stream()
                    .map(DynamoUsers::times).toList()));
        }
        return item;
    }

    private User user(Map<String, AttributeValue> item) {
        GrantState state = Attr.optionalString(item, "grantState").map(GrantState::valueOf).orElse(null);
        return new User(Attr.person(item, PERSON), Attr.string(item, "name"),
                grants.read(item), state,
                Attr.timeOrNull(item, "registeredAt"), Attr.timeOrNull(item, LAST_MESSAGE_AT),
                Attr.timeOrNull(item, NAMED_AT), formerNames(item));
    }
}
