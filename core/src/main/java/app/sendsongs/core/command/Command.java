package app.sendsongs.core.command;

import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.TrackId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A command a person typed, understood. */
public sealed interface Command {
    record Register(String code, Optional<String> name) implements Command {
    }

    /**
     * {@code pre} and {@code post} are empty strings when not given. {@code wordsAsNote}: the words that name the
     * friend as the song's note, when they were typed only after the link and no note was given ({@code send_song
     * <link> you'll love this}): whether they name someone or are the note, only the sender's friends and groups tell.
     */
    record SendSong(String friendName, SongLink song, String pre, String post, Optional<String> wordsAsNote)
            implements Command {
        public SendSong(String friendName, SongLink song, String pre, String post) {
            this(friendName, song, pre, post, Optional.empty());
        }
    }

    record Help(Optional<String> topic) implements Command {
    }

    /** A greeting, or {@code menu}: what the bot can do, as taps. */
    record Menu() implements Command {
    }

    record Pending() implements Command {
    }

    /** {@code history}: the sender's songs, ten a {@code page}, the latest on page 1. */
    record History(int page) implements Command {
        public History {
            if (page < 1) {
                throw new IllegalArgumentException("pages count from 1");
            }
        }

        public History() {
            this(1);
        }
    }

    /**
     * {@code which}: empty for "the only one", a position in the pending list, "all", or what a pending list's taps
     * carry, so that a tap on an older list stops what it showed: "song <id>", or "all <epoch millis>" (every song
     * sent up to the newest it listed).
     */
    record Cancel(Optional<String> which) implements Command {
    }

    /**
     * A tap under "Dan Brown just signed up. Is that who you invited?": the invite of that {@code token} goes to the
     * person {@code namesake} names (a reference to them only the bot can make, never their account id), or, when it
     * is empty ("Not them"), keeps waiting for its link. Typed as {@code invite <token> send <namesake>} or
     * {@code invite <token> keep}.
     */
    record InviteNamesake(String token, Optional<String> namesake) implements Command {
        /** The tap that sends the invite's song to the namesake. */
        public static String sendPayload(String token, String namesake) {
            return "invite " + token + " send " + namesake;
        }

        /** The tap that leaves the invite waiting. */
        public static String keepPayload(String token) {
            return "invite " + token + " keep";
        }
    }

    /** {@code forget_me}; {@code confirmed} once the person has said yes to the question it asks first. */
    record ForgetMe(boolean confirmed) implements Command {
    }

    /** {@code connect [source]}: connect or change the listening source; {@code source} as typed, if given. */
    record Connect(Optional<String> source) implements Command {
    }

    /** {@code name "<new name>"}: change the name friends find the person by. */
    record Rename(String name) implements Command {
    }

    /**
     * A bare number: the answer to a question the bot asked. A tap carries the number and '#' and the key of the
     * question it was shown with ({@code question}), which it answers only while that question is the open one:
     * Telegram keeps the buttons of older questions, and a number means someone else in another question. A tap of
     * the people offered for a song being shared also carries the song ({@code song}), so that one under the question
     * about a song no longer being shared can say which song that was.
     */
    record Choose(int number, Optional<String> question, Optional<TrackId> song) implements Command {
        public Choose(int number) {
            this(number, Optional.empty(), Optional.empty());
        }

        public Choose(int number, Optional<String> question) {
            this(number, question, Optional.empty());
        }

        /** What a tap for {@code number} in the question with this {@code key} carries: "2 #0c1d2e3f". */
        public static String payload(int number, String key) {
            return number + " #" + key;
        }

        /**
         * What a tap for {@code number} in the offer with this {@code key} for the song {@code song} carries:
         * "2 #0c1d2e3f 4uLU6hMCjMI75M1A2tKUQC" (35 bytes at most, within Telegram's 64 for a button's data).
         */
        public static String payload(int number, String key, TrackId song) {
            return payload(number, key) + " " + song.value();
        }
    }

    /** {@code block <name>}: songs from that person are no longer delivered (they are not told). */
    record Block(String name) implements Command {
    }

    /** {@code unblock <name>}: that person's songs come through again; without a name, who is blocked, as taps. */
    record Unblock(Optional<String> name) implements Command {
    }

    /**
     * {@code receipts}: whether senders are told when their songs are played. {@code on} empty asks how it is
     * set; {@code name} empty means every sender.
     */
    record Receipts(Optional<Boolean> on, Optional<String> name) implements Command {
    }

    /** The commands of a share made step by step, starting from a pasted link. */
    sealed interface DraftCommand extends Command {
    }

    /**
     * A song link on its own, in a sentence, or after {@code send_song} without saying who it is for: the bot
     * shows the song and asks who gets it. {@code pre} and {@code post} are empty strings when not given; the words
     * pasted beside a link are its {@code pre}, and may instead say who the song is for ({@code forWhom}).
     * {@code wordsTooLong}: there were words beside the link, too long for a note, and the share starts without them.
     */
    record StartShare(SongLink song, String pre, String post, Optional<ForWhom> forWhom, boolean wordsTooLong)
            implements DraftCommand {
        public StartShare(SongLink song, String pre, String post) {
            this(song, pre, post, Optional.empty());
        }

        public StartShare(SongLink song, String pre, String post, Optional<ForWhom> forWhom) {
            this(song, pre, post, forWhom, false);
        }
    }

    /**
     * Words typed beside a pasted link that may say who the song is for rather than be its note: "for Bob", "to Bob"
     * or "for Family" ({@code saidFor}), or a name or {@code @username} by itself, which counts only as the whole
     * name of someone registered (a first name alone is as likely a word of a note). The words may join several
     * names ("for Bob and Carol", {@link #names}). {@code note}: what goes with the song when they name someone ("to
     * Bob <link> for the drive": "for the drive"); the share's {@code pre} is its note when they name nobody.
     */
    record ForWhom(String name, boolean saidFor, String note) {
        /** What joins several names typed as one ("Bob and Carol", "Bob, Carol", "Bob & Carol"). */
        private static final Pattern JOINED = Pattern.compile("\\s*(?:,|&|\\+|\\s(?:and|und|et|y)\\s)\\s*",
                Pattern.CASE_INSENSITIVE);

        public ForWhom(String name, boolean saidFor) {
            this(name, saidFor, "");
        }

        /** The names {@code typed} joins ("Bob and Carol": Bob, Carol); one when it joins none. */
        public static List<String> namesIn(String typed) {
            return Stream.of(JOINED.split(typed.strip())).map(String::strip).filter(name -> !name.isEmpty()).toList();
        }

        /** The names the words join; the name alone when they join none. */
        public List<String> names() {
            return namesIn(name);
        }
    }

    /**
     * Who the song being shared is for ({@code to Bob}, or {@code send_song name:"Bob"} without a link) and the
     * notes given with it; {@code sendNow} when it should go at once ({@code send_song}, {@code send}) rather than
     * after the offer of notes ({@code to}). Neither a friend nor a group: just send it, or ask who. The Someone else
     * tap under "Send it to Bob?" carries that question's key ({@code to #<key>}, {@code ShareDraft.key}), and acts
     * only while the song being shared is still the song and person it was about, as Send does.
     */
    record DraftTo(Optional<String> friend, Optional<String> group, String pre, String post, boolean sendNow,
                   Optional<String> key) implements DraftCommand {
        public DraftTo(Optional<String> friend, Optional<String> group, String pre, String post, boolean sendNow) {
            this(friend, group, pre, post, sendNow, Optional.empty());
        }

        /** {@code send_song} with nothing after it: what both menus send. */
        public boolean bare() {
            return sendNow && friend.isEmpty() && group.isEmpty() && pre.isEmpty() && post.isEmpty();
        }
    }

    /**
     * {@code note [text]} and {@code after [text]}: a note for the song being shared; without text, asks for it; with
     * an empty text ({@code note none}), the song goes without that note. The taps under "Send it to Bob?" (Add a
     * note, Note for after, No note) carry that question's key ({@code note #<key>}, {@code ShareDraft.key}), and act
     * only while the song being shared is still the song and person it was about, as Send does.
     */
    record DraftNote(Optional<String> text, boolean afterPlay, Optional<String> key) implements DraftCommand {
        /** What is typed for no note at all. */
        public static final String NONE = "none";

        public DraftNote(Optional<String> text, boolean afterPlay) {
            this(text, afterPlay, Optional.empty());
        }

        public static DraftNote removal(boolean afterPlay) {
            return new DraftNote(Optional.of(""), afterPlay);
        }
    }

    /**
     * {@code send #<key>}: what the Send tap under "Send it to Bob?" carries, to send the song being shared only if it
     * is still the song and person that question was about ({@code ShareDraft.key}). Telegram keeps the buttons of
     * older questions, so a Send tapped there must not send whatever is being shared now.
     */
    record SendDraft(String key) implements DraftCommand {
    }

    /**
     * {@code discard}: the song being shared is dropped. The Don't send tap carries the share's key, as the Send tap
     * does ({@link SendDraft}), and drops it only while it is still the song and person it was shown with.
     */
    record DiscardDraft(Optional<String> key) implements DraftCommand {
        public DiscardDraft() {
            this(Optional.empty());
        }
    }

    /** The commands about groups. {@code group} is how the person named it, perhaps "Family (Bob Fisher's)". */
    sealed interface GroupCommand extends Command {
    }

    record CreateGroup(String name) implements GroupCommand {
    }

    /** A group to be made, without a name yet ({@code create_group} alone, "new group"): the bot asks for one. */
    record NameNewGroup() implements GroupCommand {
    }

    record AddToGroup(String group, String personName) implements GroupCommand {
    }

    record RemoveFromGroup(String group, String personName) implements GroupCommand {
    }

    record LeaveGroup(String group) implements GroupCommand {
    }

    /** {@code delete_group <group>}: the bot asks first, as the members are told and the group's songs stop. */
    record DeleteGroup(String group) implements GroupCommand {
    }

    /** {@code delete_group confirm <group id>}: the tap that answers yes to {@link DeleteGroup}'s question. */
    record ConfirmDeleteGroup(String groupId) implements GroupCommand {
    }

    record ListGroups() implements GroupCommand {
    }

    record ListMembers(String group) implements GroupCommand {
    }

    /** {@code send_song group:...}; {@code pre} and {@code post} are empty strings when not given. */
    record SendToGroup(String group, SongLink song, String pre, String post) implements GroupCommand {
    }
}
