package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.share.ShownPendingList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every state a conversation can be in (a song being shared, at each of its questions; an open question; nothing)
 * met with every kind of thing people type. What wins decides whether anything is lost: an open share or question
 * stays open unless what is typed answers or cancels it, and then the reply asks it again; nothing is invited, named
 * or made from words that were no answer.
 */
class ConversationStateMatrixTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String OTHER_LINK = FakeMusic.OTHER_SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String OLD_TAP = "TAP 1 #0badf00d";

    /** A state the person is put in, and the words of its question that a reply asking it again holds. */
    private record State(String name, Consumer<BotHarness> setup, Pattern asks) {
    }

    /**
     * What a cell must do: {@code kept}, whether the state stays as it was (and is asked again), and words the reply
     * holds.
     */
    private record Expect(boolean kept, String says) {
    }

    private static Expect kept(String says) {
        return new Expect(true, says);
    }

    private static Expect ends(String says) {
        return new Expect(false, says);
    }

    private static final List<String> INPUTS = List.of("history", "add Bob Fisher to Family", "new group",
            "what have I sent", "change my name to Alicia Smith", "undo", "stop", "delete my data", "thanks", "ok",
            "lol", "is this thing on?", OTHER_LINK, "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://music.apple.com/us/album/x/1?i=2", "Carol King", "Zoe Park", "you'll love the chorus", OLD_TAP);

    private static final State NONE = new State("nothing open", bot -> { }, null);
    private static final State WHO = new State("Who is it for?", bot -> bot.reply("alice", LINK),
            Pattern.compile("Who is .* for\\?|type their (full )?name"));
    private static final State READY = new State("Send it?", ConversationStateMatrixTest::ready,
            Pattern.compile(Pattern.quote("Send " + TITLE + " to Bob Fisher?")));
    private static final State NOTE = new State("a note", bot -> {
        ready(bot);
        bot.reply("alice", "note");
    }, Pattern.compile("Type the note that goes"));
    private static final State AFTER_NOTE = new State("a note for after", bot -> {
        ready(bot);
        bot.reply("alice", "note for after");
    }, Pattern.compile("Type the note Bob Fisher gets"));
    private static final State WHICH_PERSON = new State("which person?", bot -> {
        bot.register("dan", "Dan Brown");
        bot.advance(Duration.ofDays(1));
        bot.register("dan2", "Dan Brown");
        bot.reply("alice", "send_song name:\"Dan Brown\" " + OTHER_LINK);
    }, Pattern.compile("Which one\\?"));
    private static final State WHICH_GROUP = new State("which group?", bot -> {
        bot.reply("bob", "create_group Crew");
        bot.reply("bob", "add_to_group Crew \"Alice Smith\"");
        bot.reply("carol", "create_group crew");
        bot.reply("carol", "add_to_group crew \"Alice Smith\"");
        bot.reply("alice", "send_song group:Crew " + OTHER_LINK);
    }, Pattern.compile("Which one\\?"));
    private static final State FORGET_ME = new State("forget me?", bot -> bot.reply("alice", "forget_me"),
            Pattern.compile("Yes, delete it all|Delete it all\\?"));
    private static final State DELETE_GROUP = new State("delete the group?", bot -> {
        bot.reply("alice", "create_group Band");
        bot.reply("alice", "delete_group Band");
    }, Pattern.compile("Yes, delete it\""));
    private static final State GROUP_NAME = new State("the group's name?", bot -> bot.reply("alice", "new group"),
            Pattern.compile("What should the group be called\\?"));

    private static void ready(BotHarness bot) {
        bot.reply("alice", LINK);
        bot.reply("alice", "Bob Fisher");
    }

    /** The cells, state by state, input by input (in the order of {@link #INPUTS}). */
    private static final Map<State, List<Expect>> MATRIX = Map.of(
            NONE, List.of(ends("Your latest songs"), ends("Added Bob Fisher to Family"),
                    ends("What should the group be called?"), ends("Your latest songs"), ends("Change the name"),
                    ends("To stop watching"), ends("I only write when"), ends("Delete it all?"), ends("Anytime"),
                    ends("🙂 Paste"), ends("🙂 Paste"), ends("didn't understand"), ends("Who is it for?"),
                    ends("YouTube"), ends("Apple Music"), ends("didn't understand"), ends("didn't understand"),
                    ends("didn't understand"), ends("not waiting")),
            WHO, List.of(kept("Your latest songs"), kept("Added Bob Fisher to Family"),
                    ends("What should the group be called?"), kept("Your latest songs"), kept("Change the name"),
                    kept("To stop watching"), ends("dropped"), ends("Delete it all?"), kept(""), kept(""), kept(""),
                    kept("didn't understand"), ends("Who is it for?"), kept("YouTube"), kept("Apple Music"),
                    ends("to Carol King?"), kept("I don't know anyone called \"Zoe Park\""), kept(""),
                    kept("earlier question")),
            READY, List.of(kept("Your latest songs"), kept("Added Bob Fisher to Family"),
                    ends("What should the group be called?"), kept("Your latest songs"), kept("Change the name"),
                    kept("To stop watching"), ends("dropped"), ends("Delete it all?"), kept("🙂"), ends("Sent "),
                    kept("🙂"), ends("Noted."), ends("Who is it for?"), ends("Noted."), ends("Noted."),
                    ends("to Carol King?"), ends("Noted."), ends("Noted."), kept("earlier question")),
            NOTE, notes(), AFTER_NOTE, notes(),
            WHICH_PERSON, questionAsked("didn't send it", "didn't understand"),
            WHICH_GROUP, questionAsked("didn't send it", "Sent Take On Me"),
            FORGET_ME, yesOrNo(kept("Delete it all?")),
            DELETE_GROUP, yesOrNo(ends("Delete it all?")),
            GROUP_NAME, List.of(kept("Your latest songs"), kept("Added Bob Fisher to Family"), kept(""),
                    kept("Your latest songs"), kept("Change the name"), kept("To stop watching"), ends("Hi Alice!"),
                    ends("Delete it all?"), kept("🙂"), kept("A yes doesn't name it"), kept("🙂"),
                    kept("didn't understand"), ends("Who is it for?"), kept("YouTube"), kept("Apple Music"),
                    ends("Created the group Carol King"), ends("Created the group Zoe Park"),
                    ends("Created the group you'll love the chorus"), kept("earlier question")));

    /** At a note asked for, all words but a command's are the note; a new song starts over; a stale tap is told. */
    private static List<Expect> notes() {
        List<Expect> all = new ArrayList<>();
        INPUTS.forEach(input -> all.add(ends("Noted.")));
        all.set(0, kept("Your latest songs"));
        all.set(12, ends("Who is it for?"));
        all.set(18, kept("earlier question"));
        return all;
    }

    /** A "which one?": what {@code stop} and a group owner's name get; anything else leaves it open. */
    private static List<Expect> questionAsked(String stop, String carol) {
        return List.of(kept("Your latest songs"), kept("Added Bob Fisher to Family"),
                ends("What should the group be called?"), kept("Your latest songs"), kept("Change the name"),
                kept("To stop watching"), ends(stop), ends("Delete it all?"), kept("🙂"),
                kept("A yes doesn't tell me which one"), kept("🙂"), kept("didn't understand"), ends("Who is it for?"),
                kept("YouTube"), kept("Apple Music"), carol.startsWith("Sent ") ? ends(carol) : kept(carol),
                kept("didn't understand"), kept("didn't understand"), kept("earlier question"));
    }

    /** A yes-or-no question: only its taps (or a no) answer it. */
    private static List<Expect> yesOrNo(Expect deleteMyData) {
        return List.of(kept("Your latest songs"), kept("Added Bob Fisher to Family"),
                ends("What should the group be called?"), kept("Your latest songs"), kept("Change the name"),
                kept("To stop watching"), ends("Hi Alice!"), deleteMyData, kept("🙂"), kept("Only a tap says yes"),
                kept("🙂"), kept("didn't understand"), ends("Who is it for?"), kept("YouTube"), kept("Apple Music"),
                kept("didn't understand"), kept("didn't understand"), kept("didn't understand"),
                kept("earlier question"));
    }

    @Test
    void everyStateMeetsEveryKindOfInputAsAPersonExpects() {
        List<String> wrong = new ArrayList<>();
        for (State state : List.of(NONE, WHO, READY, NOTE, AFTER_NOTE, WHICH_PERSON, WHICH_GROUP, FORGET_ME,
                DELETE_GROUP, GROUP_NAME)) {
            List<Expect> row = MATRIX.get(state);
            assertThat(row).as(state.name()).hasSize(INPUTS.size());
            for (int i = 0; i < INPUTS.size(); i++) {
                String problem = cell(state, INPUTS.get(i), row.get(i));
                if (!problem.isEmpty()) {
                    wrong.add(state.name() + " × " + INPUTS.get(i) + ": " + problem);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** What is wrong with one cell, or nothing. */
    private static String cell(State state, String input, Expect expect) {
        BotHarness bot = people();
        state.setup().accept(bot);
        String before = open(bot);
        List<String> groups = groups(bot);
        int shares = bot.stores.shares().sharesSentBy(at("alice")).size();
        String reply = say(bot, input);
        List<String> problems = new ArrayList<>();
        if (!reply.contains(expect.says())) {
            problems.add("says no \"" + expect.says() + "\"");
        }
        boolean kept = open(bot).equals(before);
        if (state.asks() != null && kept != expect.kept()) {
            problems.add(expect.kept() ? "ended what was open" : "left it open");
        }
        if (state.asks() != null && expect.kept() && !state.asks().matcher(reply).find()) {
            problems.add("kept open without asking again");
        }
        if (!bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10).isEmpty()) {
            problems.add("invited someone");
        }
        if (!bot.user("alice").name().equals("Alice Smith")) {
            problems.add("renamed");
        }
        if (!expect.says().startsWith("Created the group") && !groups(bot).equals(groups)) {
            problems.add("groups now " + groups(bot));
        }
        if (!expect.says().startsWith("Sent ") && bot.stores.shares().sharesSentBy(at("alice")).size() != shares) {
            problems.add("sent a song");
        }
        return problems.isEmpty() ? "" : String.join(", ", problems) + " — replied: " + reply.replace("\n", " / ");
    }

    /** Alice, who has a group and sent Carol a song an hour ago, and friends. */
    private static BotHarness people() {
        BotHarness bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "send_song name:\"Carol King\" " + LINK);
        bot.advance(Duration.ofHours(1));
        return bot;
    }

    private static String say(BotHarness bot, String input) {
        if (!input.equals(OLD_TAP)) {
            return bot.reply("alice", input);
        }
        return String.join("\n", bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"),
                bot.clock.instant(), input.substring("TAP ".length()), "1")));
    }

    /** What Alice has open: the share being made (its stage, recipient and notes) and the question asked. */
    private static String open(BotHarness bot) {
        String draft = bot.stores.drafts().findDraft(at("alice"))
                .map(d -> d.stage() + " " + d.track() + " " + d.recipient() + " " + d.pre() + "|" + d.post())
                .orElse("-");
        return draft + " / " + ShownPendingList.openQuestion(bot.stores.choices(), at("alice"))
                .map(q -> q.commandText() + " " + q.candidates()).orElse("-");
    }

    private static List<String> groups(BotHarness bot) {
        return bot.stores.groups().groupsOf(at("alice")).stream().map(Group::name).sorted().toList();
    }
}
