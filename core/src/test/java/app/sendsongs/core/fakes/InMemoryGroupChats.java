package app.sendsongs.core.fakes;

import app.sendsongs.core.groupchat.ChatSong;
import app.sendsongs.core.groupchat.CountedMember;
import app.sendsongs.core.groupchat.GroupChatStore;
import app.sendsongs.core.groupchat.WaitingTap;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link GroupChatStore} in a list of members and a map of chat songs. */
public final class InMemoryGroupChats implements GroupChatStore {
    private static final Comparator<CountedMember> BY_JOINED = Comparator.comparing(CountedMember::joinedAt);

    private final List<CountedMember> members = new ArrayList<>();
    private final Map<String, ChatSong> songs = new LinkedHashMap<>();
    private final Map<ChatAddress, WaitingTap> taps = new LinkedHashMap<>();
    private final List<Kept> kept = new ArrayList<>();

    private record Kept(CountedMember member, Instant until) {
    }

    @Override
    public synchronized void keepTap(WaitingTap tap) {
        taps.put(tap.person(), tap);
    }

    @Override
    public synchronized Optional<WaitingTap> waitingTap(ChatAddress person) {
        return Optional.ofNullable(taps.get(person));
    }

    @Override
    public synchronized void dropTap(ChatAddress person) {
        taps.remove(person);
    }

    /** Taps and members kept past {@code cutoff} go. */
    synchronized void purgeBefore(Instant cutoff) {
        taps.values().removeIf(tap -> tap.expiresAt().isBefore(cutoff));
        kept.removeIf(one -> one.until().isBefore(cutoff));
    }

    @Override
    public synchronized boolean addMember(CountedMember member) {
        if (members.stream().anyMatch(m -> m.chat().equals(member.chat()) && m.person().equals(member.person()))) {
            return false;
        }
        return members.add(member);
    }

    @Override
    public synchronized boolean removeMember(ChatAddress chat, ChatAddress person) {
        boolean removed = members.removeIf(m -> m.chat().equals(chat) && m.person().equals(person));
        deathAfterRemovingAMember.dieIfArmed();
        return removed;
    }

    private final NextDeath deathAfterRemovingAMember = new NextDeath();

    /** The process dies right after the next {@link #removeMember}: a {@link RecordingChat.ProcessDied} is thrown. */
    public synchronized void diesAfterNextRemoveMember() {
        deathAfterRemovingAMember.arm();
    }

    @Override
    public synchronized List<CountedMember> membersOf(ChatAddress chat) {
        return members.stream().filter(m -> m.chat().equals(chat))
                .sorted(BY_JOINED.thenComparing(m -> m.person().key())).toList();
    }

    @Override
    public synchronized List<CountedMember> chatsOf(ChatAddress person) {
        return members.stream().filter(m -> m.person().equals(person))
                .sorted(BY_JOINED.thenComparing(m -> m.chat().key())).toList();
    }

    @Override
    public synchronized void removeChat(ChatAddress chat) {
        members.removeIf(m -> m.chat().equals(chat));
    }

    @Override
    public synchronized void retitle(ChatAddress chat, String title) {
        members.replaceAll(m -> m.chat().equals(chat) ? titled(m, title) : m);
        kept.replaceAll(one -> one.member().chat().equals(chat)
                ? new Kept(titled(one.member(), title), one.until()) : one);
    }

    private static CountedMember titled(CountedMember member, String title) {
        return new CountedMember(member.chat(), member.person(), member.joinedAt(), Optional.of(title));
    }

    @Override
    public synchronized void keepMembers(ChatAddress chat, Instant keptUntil) {
        for (CountedMember member : membersOf(chat)) {
            kept.removeIf(one -> one.member().chat().equals(chat) && one.member().person().equals(member.person()));
            kept.add(new Kept(member, keptUntil));
        }
        removeChat(chat);
    }

    @Override
    public synchronized List<CountedMember> keptMembersOf(ChatAddress chat, Instant now) {
        return kept.stream().filter(one -> one.member().chat().equals(chat) && one.until().isAfter(now))
                .map(Kept::member).sorted(BY_JOINED.thenComparing(m -> m.person().key())).toList();
    }

    @Override
    public synchronized List<CountedMember> chatsKeptFor(ChatAddress person, Instant now) {
        return kept.stream().filter(one -> one.member().person().equals(person) && one.until().isAfter(now))
                .map(Kept::member).sorted(BY_JOINED.thenComparing(m -> m.chat().key())).toList();
    }

    @Override
    public synchronized void dropKept(ChatAddress chat) {
        kept.removeIf(one -> one.member().chat().equals(chat));
    }

    private boolean diesWhenASongIsNextShown;

    /**
     * The process dies ({@link RecordingChat.ProcessDied}) at the next save of a song's message as shown: right after
     * the platform took its post, before the bot wrote down where the message is.
     */
    public synchronized void diesWhenASongIsNextShown() {
        diesWhenASongIsNextShown = true;
    }

    @Override
    public synchronized void saveChatSong(ChatSong song) {
        if (diesWhenASongIsNextShown && song.messageRef().isPresent()) {
            diesWhenASongIsNextShown = false;
            throw new RecordingChat.ProcessDied();
        }
        songs.put(song.groupSendId(), song);
    }

    @Override
    public synchronized Optional<ChatSong> findChatSong(String groupSendId) {
        return Optional.ofNullable(songs.get(groupSendId));
    }

    @Override
    public synchronized List<ChatSong> chatSongsDue(Instant now, int limit) {
        return songs.values().stream().filter(s -> s.updateDueAt().filter(at -> !at.isAfter(now)).isPresent())
                .sorted(Comparator.comparing((ChatSong s) -> s.updateDueAt().orElseThrow())
                        .thenComparing(ChatSong::groupSendId))
                .limit(limit).toList();
    }

    @Override
    public synchronized void deleteChatSong(String groupSendId) {
        songs.remove(groupSendId);
    }

    @Override
    public synchronized List<ChatSong> chatSongsAwaitingBot(ChatAddress chat) {
        return songs.values().stream().filter(s -> s.awaitingBot() && s.chat().equals(chat))
                .sorted(Comparator.comparing(ChatSong::groupSendId)).toList();
    }

    /** Counts the person out of every chat. */
    synchronized void forget(ChatAddress person) {
        members.removeIf(m -> m.person().equals(person));
        kept.removeIf(one -> one.member().person().equals(person));
        taps.remove(person);
    }

    /** Every chat song, for tests. */
    public synchronized List<ChatSong> all() {
        return new ArrayList<>(songs.values());
    }
}
