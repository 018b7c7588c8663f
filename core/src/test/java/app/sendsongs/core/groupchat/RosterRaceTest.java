package app.sendsongs.core.groupchat;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.InMemoryGroupChats;
import app.sendsongs.core.fakes.Rendezvous;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two people counted in at the same moment, on two workers, when the chat has room for one more. */
class RosterRaceTest {
    private static final ChatAddress CHAT = new ChatAddress(Platform.TELEGRAM, "-100");

    @Test
    void twoPeopleCountedInAtOnceNeverTakeTheChatOverItsLimit() throws Exception {
        InMemoryGroupChats store = new InMemoryGroupChats();
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
        for (int i = 0; i < Roster.MOST_COUNTED - 1; i++) {
            store.addMember(new CountedMember(CHAT, person(i), clock.instant().minusSeconds(60)));
        }
        // Each joiner's first look at the members waits for the other's: both see room for one more.
        Roster roster = new Roster(new BothLookFirst(store), null, clock);

        List<Roster.Joined> outcomes;
        try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
            Future<Roster.Joined> first = workers.submit(() -> roster.join(CHAT, Optional.empty(), person(100)));
            Future<Roster.Joined> second = workers.submit(() -> roster.join(CHAT, Optional.empty(), person(101)));
            outcomes = List.of(first.get(), second.get());
        }

        List<CountedMember> counted = store.membersOf(CHAT);
        assertThat(counted).hasSizeLessThanOrEqualTo(Roster.MOST_COUNTED);
        assertThat(outcomes).contains(Roster.Joined.FULL);
        assertThat(counted.size()).isEqualTo(Roster.MOST_COUNTED - 1
                + (int) outcomes.stream().filter(Roster.Joined.JOINED::equals).count());
    }

    private static ChatAddress person(int n) {
        return new ChatAddress(Platform.TELEGRAM, String.valueOf(1000 + n));
    }

    /** The store, except that each thread's first reading of the members waits until two threads read at once. */
    private static final class BothLookFirst implements GroupChatStore {
        private final InMemoryGroupChats store;
        private final Rendezvous rendezvous = new Rendezvous(2);
        private final Set<Thread> looked = ConcurrentHashMap.newKeySet();

        BothLookFirst(InMemoryGroupChats store) {
            this.store = store;
        }

        @Override
        public List<CountedMember> membersOf(ChatAddress chat) {
            List<CountedMember> members = store.membersOf(chat);
            if (looked.add(Thread.currentThread())) {
                rendezvous.getAsBoolean();
            }
            return members;
        }

        @Override
        public boolean addMember(CountedMember member) {
            return store.addMember(member);
        }

        @Override
        public boolean removeMember(ChatAddress chat, ChatAddress person) {
            return store.removeMember(chat, person);
        }

        @Override
        public List<CountedMember> chatsOf(ChatAddress person) {
            return store.chatsOf(person);
        }

        @Override
        public void removeChat(ChatAddress chat) {
            store.removeChat(chat);
        }

        @Override
        public void retitle(ChatAddress chat, String title) {
            store.retitle(chat, title);
        }

        @Override
        public void keepMembers(ChatAddress chat, Instant keptUntil) {
            store.keepMembers(chat, keptUntil);
        }

        @Override
        public List<CountedMember> keptMembersOf(ChatAddress chat, Instant now) {
            return store.keptMembersOf(chat, now);
        }

        @Override
        public List<CountedMember> chatsKeptFor(ChatAddress person, Instant now) {
            return store.chatsKeptFor(person, now);
        }

        @Override
        public void dropKept(ChatAddress chat) {
            store.dropKept(chat);
        }

        @Override
        public void saveChatSong(ChatSong song) {
            store.saveChatSong(song);
        }

        @Override
        public Optional<ChatSong> findChatSong(String groupSendId) {
            return store.findChatSong(groupSendId);
        }

        @Override
        public List<ChatSong> chatSongsDue(Instant now, int limit) {
            return store.chatSongsDue(now, limit);
        }

        @Override
        public void deleteChatSong(String groupSendId) {
            store.deleteChatSong(groupSendId);
        }

        @Override
        public List<ChatSong> chatSongsAwaitingBot(ChatAddress chat) {
            return store.chatSongsAwaitingBot(chat);
        }

        @Override
        public void keepTap(WaitingTap tap) {
            store.keepTap(tap);
        }

        @Override
        public Optional<WaitingTap> waitingTap(ChatAddress person) {
            return store.waitingTap(person);
        }

        @Override
        public void dropTap(ChatAddress person) {
            store.dropTap(person);
        }
    }
}
