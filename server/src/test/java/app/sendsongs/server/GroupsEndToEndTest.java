package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import app.sendsongs.core.watch.WatchSchedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups over real HTTP: the production server in demo wiring, driven only through its routes and
 * the sandbox control API, on the sandbox's manual clock.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server
class GroupsEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    /** Past the watch period and the grace period after it, when the last checks decide. */
    private static final long WEEK_AND_A_BIT_MINUTES = 7 * 24 * 60 + WatchSchedule.DEFAULT_GRACE.toMinutes() + 5;

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private List<String> tracks;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
        // From the second track on: every one a different recording (the first shares its ISRC with another).
        tracks = sandbox.trackIds().subList(1, 6);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void theSeedsCommandSequenceMakesAGroupOfThree() {
        register("alice", "Alice Smith");
        register("bob", "Bob Fisher");
        register("mike", "Mike Meek");

        assertThat(reply("alice", "create_group name:'group1'")).startsWith("Created the group group1. ")
                .contains("add_to_group group1 \"<full name>\"").contains("send_song group:\"group1\" <Spotify link>");
        assertThat(reply("alice", "add_to_group group1 'Bob Fisher'"))
                .startsWith("Added Bob Fisher to group1 (2 members).");
        assertThat(reply("alice", "add_to_group group1 'Mike Meek'"))
                .startsWith("Added Mike Meek to group1 (3 members).");

        assertThat(sandbox.lastMessage("bob")).isEqualTo("👥 Alice Smith added you to the group group1. Songs sent "
                + "to the group will come to you too. If you'd rather not be in it, send: leave_group group1");
        assertThat(reply("alice", "groups")).isEqualTo("Your groups:\n• group1 — yours, 3 members\n"
                + "See who is in one with: members <group>");
        assertThat(reply("mike", "members group1")).isEqualTo("group1 — made by Alice Smith, 3 members:\n"
                + "• Alice Smith (made the group)\n• Bob Fisher\n• Mike Meek");
    }

    @Test
    void typographicQuotesAndTheShortFormsWorkToo() {
        register("alice", "Alice Smith");
        register("bob", "Bob Fisher");

        assertThat(reply("alice", "create_group name:“Road Trip”")).startsWith("Created the group Road Trip.");
        assertThat(reply("alice", "create_group Family")).startsWith("Created the group Family.");
        assertThat(reply("alice", "add_to_group “road trip” ‘bob fisher’")).startsWith("Added Bob Fisher to Road Trip");
        assertThat(reply("alice", "ADD_TO_GROUP Family Bob Fisher")).startsWith("Added Bob Fisher to Family");
        assertThat(reply("alice", "create_group name:\"FAMILY\"")).isEqualTo("You already have a group called "
                + "FAMILY. See your groups with: groups");
        assertThat(reply("bob", "groups")).contains("• Road Trip — made by Alice Smith, 2 members")
                .contains("• Family — made by Alice Smith, 2 members");
        assertThat(reply("bob", "help groups")).startsWith("Groups: send one song to several friends at once.")
                .contains("create_group", "add_to_group", "leave_group", "send_song group:");
    }

    @Test
    void aSongToFourMembersWithTwoPlaysAndTwoExpiriesEndsInOneExactSummary() {
        register("alice", "Alice Smith");
        List<String> members = List.of("bob", "carol", "dan", "eve");
        List<String> names = List.of("Bob Fisher", "Carol King", "Dan Brown", "Eve Adams");
        for (int i = 0; i < members.size(); i++) {
            register(members.get(i), names.get(i));
        }
        reply("alice", "create_group Family");
        names.forEach(name -> reply("alice", "add_to_group Family \"" + name + "\""));
        String track = tracks.getFirst();
        String title = title(track);

        assertThat(reply("alice", "send_song group:\"Family\" pre:\"for the road\" post:\"told you all\" " + LINK
                + track)).isEqualTo("Sent " + title + " to Family (4 people). I'll tell you as each of them plays "
                + "it, and sum up when all have played it or 7 days have passed.");
        for (String member : members) {
            assertThat(sandbox.lastText(member)).isEqualTo("🎵 Alice Smith sent a song to Family: " + title
                    + "\n“for the road”");
            assertThat(sandbox.lastCard(member).path("default_action").path("url").asText()).isEqualTo(LINK + track);
        }
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("sent a song"));
        assertThat(reply("alice", "pending")).contains(title + " → Bob Fisher (in Family): delivered",
                title + " → Eve Adams (in Family): delivered");

        sandbox.play("bob-sp", track);
        sandbox.play("carol-sp", track);
        sandbox.advanceMinutes(10);

        assertThat(sandbox.inbox("alice")).filteredOn(text -> text.startsWith("🎧 ")).hasSize(2)
                .anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + title))
                .anyMatch(text -> text.startsWith("🎧 Carol King listened to " + title));
        assertThat(sandbox.lastMessage("bob")).isEqualTo("Alice Smith's note on " + title + ": “told you all”");
        assertThat(sandbox.lastMessage("carol")).isEqualTo("Alice Smith's note on " + title + ": “told you all”");
        assertThat(sandbox.inbox("dan")).noneMatch(text -> text.contains("told you all"));
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains(" of 4 played"));

        sandbox.advanceMinutes(WEEK_AND_A_BIT_MINUTES);
        sandbox.ask("alice", "hi"); // the summary waited for Alice to write (Messenger's 24-hour rule)
        sandbox.advanceMinutes(60);
        sandbox.ask("alice", "pending");

        assertThat(sandbox.inbox("alice")).filteredOn(text -> text.contains(" of 4 played")).containsExactly(
                "2 of 4 played " + title + " (sent to Family).\nNot played within 7 days: Dan Brown, Eve Adams.");
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("not played within"));
        assertThat(sandbox.inbox("dan")).noneMatch(text -> text.contains("told you all"));
    }

    @Test
    void onlyTheOwnerAddsRemovesOrDeletes() {
        registerAliceBobAndCarol();
        reply("alice", "create_group Family");
        reply("alice", "add_to_group Family \"Bob Fisher\"");

        assertThat(reply("bob", "add_to_group Family \"Carol King\"")).isEqualTo("Only Alice Smith, who made "
                + "Family, can add people to it. To leave it yourself, send: leave_group Family");
        assertThat(reply("bob", "remove_from_group Family \"Alice Smith\"")).startsWith("Only Alice Smith, who made "
                + "Family, can remove people from it.");
        assertThat(reply("bob", "delete_group Family")).startsWith("Only Alice Smith, who made Family, can delete it.");
        assertThat(reply("carol", "add_to_group Family \"Carol King\"")).isEqualTo("You're not in a group called "
                + "\"Family\", and you're in no group now. Make one with: create_group name:\"<group>\"");

        assertThat(sandbox.inbox("carol")).noneMatch(text -> text.contains("added you"));
        assertThat(reply("alice", "members Family")).endsWith("2 members:\n• Alice Smith (made the group)\n"
                + "• Bob Fisher");
    }

    @Test
    void anUnregisteredNameIsRefusedWithHowTheyRegister() {
        register("alice", "Alice Smith");
        reply("alice", "create_group Family");

        assertThat(reply("alice", "add_to_group Family \"Zed Nobody\"")).isEqualTo("I don't know anyone called "
                + "\"Zed Nobody\", so I can't add them. Only people registered with me can be in a group: they write "
                + "to me and connect Spotify at " + sandbox.base() + "/connect, then send me the "
                + "register command shown there. Add them once they have.");
        assertThat(reply("alice", "members Family")).endsWith("1 member:\n• Alice Smith (made the group)");
    }

    @Test
    void leavingMidWatchStopsOnlyThatMembersSongFromTheGroup() {
        registerAliceBobAndCarol();
        register("dan", "Dan Brown");
        reply("alice", "create_group Family");
        List.of("Bob Fisher", "Carol King", "Dan Brown")
                .forEach(name -> reply("alice", "add_to_group Family \"" + name + "\""));
        reply("carol", "create_group Band");
        reply("carol", "add_to_group Band \"Bob Fisher\"");
        String familySong = tracks.get(0);
        String bandSong = tracks.get(1);
        String directSong = tracks.get(2);
        reply("alice", "send_song group:Family post:\"family note\" " + LINK + familySong);
        reply("carol", "send_song group:Band post:\"band note\" " + LINK + bandSong);
        reply("alice", "send_song name:\"Bob Fisher\" post:\"direct note\" " + LINK + directSong);

        assertThat(reply("bob", "leave_group family")).isEqualTo("You've left Family. Songs sent to it won't come "
                + "to you any more. I've stopped watching the song from it you hadn't played yet.");
        assertThat(sandbox.lastMessage("alice")).isEqualTo("Bob Fisher left your group Family.");

        sandbox.play("bob-sp", familySong);
        sandbox.play("bob-sp", bandSong);
        sandbox.play("bob-sp", directSong);
        sandbox.play("carol-sp", familySong);
        sandbox.advanceMinutes(10);

        List<String> alice = sandbox.inbox("alice");
        assertThat(alice).noneMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + title(familySong)));
        assertThat(alice).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + title(directSong)));
        assertThat(alice).anyMatch(text -> text.startsWith("🎧 Carol King listened to " + title(familySong)));
        assertThat(sandbox.inbox("carol")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to "
                + title(bandSong)));
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains("family note"))
                .anyMatch(text -> text.contains("band note")).anyMatch(text -> text.contains("direct note"));
        assertThat(sandbox.inbox("carol")).anyMatch(text -> text.contains("family note"));

        sandbox.advanceMinutes(WEEK_AND_A_BIT_MINUTES);
        sandbox.ask("alice", "hi");
        assertThat(sandbox.inbox("alice")).filteredOn(text -> text.contains(" of 2 played")).containsExactly(
                "1 of 2 played " + title(familySong) + " (sent to Family).\nNot played within 7 days: Dan Brown."
                + "\nNot counted, no longer in the group: Bob Fisher.");
    }

    @Test
    void aMemberRemovedWhileTheSongWaitedForThemGetsNeitherItsTextNorItsCard() {
        registerAliceBobAndCarol();
        reply("alice", "create_group Family");
        reply("alice", "add_to_group Family \"Bob Fisher\"");
        reply("alice", "add_to_group Family \"Carol King\"");
        sandbox.advanceMinutes(25 * 60); // Bob's and Carol's windows close
        String song = tracks.getFirst();
        assertThat(reply("alice", "send_song group:Family " + LINK + song))
                .contains("won't let me deliver it to Bob Fisher, Carol King just now");

        assertThat(reply("alice", "remove_from_group Family \"Carol King\"")).isEqualTo("Removed Carol King from "
                + "Family. I've stopped watching the song you sent them through it.");
        sandbox.ask("carol", "hi", 2);
        sandbox.say("bob", "hi");
        sandbox.awaitMessage("bob", text -> text.startsWith("Hi Bob!"));

        assertThat(sandbox.inbox("carol")).as("the song taken back whole")
                .noneMatch(text -> text.contains(title(song)) || text.contains("sent a song to Family"))
                .contains("Alice Smith removed you from the group Family. Songs sent to it won't come to you any more.");
        assertThat(sandbox.inbox("bob")).contains("🎵 Alice Smith sent a song to Family: " + title(song));
    }

    @Test
    void deletingAGroupStopsItsSongsTellsItsMembersAndSumsUpWhatWasPlayed() {
        registerAliceBobAndCarol();
        register("dan", "Dan Brown");
        reply("alice", "create_group Family");
        List.of("Bob Fisher", "Carol King", "Dan Brown")
                .forEach(name -> reply("alice", "add_to_group Family \"" + name + "\""));
        String song = tracks.getFirst();
        reply("alice", "send_song group:Family post:\"family note\" " + LINK + song);
        reply("bob", "send_song name:\"Carol King\" " + LINK + tracks.get(1));
        sandbox.play("bob-sp", song);
        sandbox.advanceMinutes(10);

        sandbox.say("alice", "delete_group Family");
        sandbox.awaitMessage("alice", text -> text.startsWith("Delete the group Family?"));
        int before = sandbox.inbox("alice").size();
        sandbox.tapTitled("alice", "Yes, delete it");
        List<String> inbox = sandbox.awaitMessage("alice", text -> text.startsWith("Deleted the group Family"));
        assertThat(inbox.subList(before, inbox.size())).containsExactly(
                "1 of 1 played " + title(song) + " (sent to Family).\nNot counted, no longer in the group: Carol King, "
                        + "Dan Brown.",
                "Deleted the group Family and told its 3 other members. I've stopped watching your 2 songs sent "
                        + "through it that had not been played yet.");
        assertThat(sandbox.lastMessage("dan")).isEqualTo("Alice Smith deleted the group Family.");

        sandbox.play("carol-sp", song);
        sandbox.play("carol-sp", tracks.get(1));
        sandbox.advanceMinutes(10);
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.startsWith("🎧 Carol King"));
        assertThat(sandbox.inbox("carol")).noneMatch(text -> text.contains("family note"));
        assertThat(sandbox.lastMessage("bob")).as("Carol's direct song from Bob is still watched")
                .startsWith("🎧 Carol King listened to " + title(tracks.get(1)));
        assertThat(reply("bob", "groups")).startsWith("You're not in any group yet.");
    }

    @Test
    void cancelTypedAtDeleteGroupsQuestionKeepsTheGroupAndStopsNoSongAndOnlyItsQuickReplyDeletes() {
        registerAliceBobAndCarol();
        reply("alice", "create_group Family");
        reply("alice", "add_to_group Family \"Bob Fisher\"");
        String song = tracks.getFirst();
        assertThat(reply("alice", "send_song name:\"Carol King\" " + LINK + song)).startsWith("Sent " + title(song));

        assertThat(reply("alice", "delete_group Family")).startsWith("Delete the group Family? Its other member is told");
        JsonNode question = sandbox.messages("alice").getLast();
        assertThat(sandbox.lastSent("alice").path("quick_replies").findValuesAsText("title"))
                .containsExactly("Yes, delete it", "No, keep it");
        assertThat(reply("alice", "cancel")).as("a no to the question, not the command")
                .startsWith("Hi Alice! Paste a Spotify link");
        assertThat(reply("alice", "pending")).as("still watched").contains(title(song) + " → Carol King");
        // a Yes that crossed the no on its way: the question was answered, so it is asked again
        assertThat(tapUnder("alice", question, "Yes, delete it")).startsWith("Delete the group Family?");
        assertThat(reply("alice", "groups")).contains("• Family — yours, 2 members");
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains("deleted"));

        reply("alice", "delete_group Family");
        assertThat(sandbox.tapTitled("alice", "Yes, delete it")).containsExactly("Deleted the group Family and told "
                + "its other member.");
        assertThat(sandbox.lastMessage("bob")).isEqualTo("Alice Smith deleted the group Family.");
        assertThat(reply("alice", "cancel")).as("no question open: the command")
                .startsWith("Stopped watching " + title(song));
    }

    @Test
    void twoGroupsWithOneNameAreToldApartByTheirOwners() {
        registerAliceBobAndCarol();
        reply("alice", "create_group Family");
        reply("alice", "add_to_group Family \"Carol King\"");
        sandbox.advanceMinutes(1);
        reply("bob", "create_group family");
        reply("bob", "add_to_group family \"Carol King\"");
        assertThat(sandbox.lastMessage("carol")).endsWith("leave_group family (Bob Fisher's)");

        assertThat(reply("carol", "send_song group:\"Family\" " + LINK + tracks.getFirst())).isEqualTo("You're in 2 "
                + "groups called Family. Which one?\n1. Family (Alice Smith's) — made by Alice Smith, 2 members\n"
                + "2. family (Bob Fisher's) — made by Bob Fisher, 2 members");
        assertThat(reply("carol", "send_song group:\"Family (Bob Fisher’s)\" " + LINK + tracks.getFirst()))
                .startsWith("Sent ").contains(" to family (Bob Fisher's) (1 person).");
        assertThat(sandbox.lastText("bob")).startsWith("🎵 Carol King sent a song to family: ");
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("sent a song to"));
        assertThat(reply("alice", "send_song group:Family " + LINK + tracks.getFirst())).startsWith("Sent ")
                .contains(" to Family (1 person).");
    }

    @Test
    void aSongToOneOfTwoGroupsOfOneNameGoesWhereTheQuickReplyTappedSaysOnceWithItsNotes() {
        carolInAlicesFamilyAndBobsFamily();
        String title = title(tracks.get(1));

        assertThat(reply("carol", "send_song group:Family " + LINK + tracks.get(0))).startsWith("You're in 2 groups");
        JsonNode older = sandbox.messages("carol").getLast();
        assertThat(reply("carol", "send_song group:Family pre:\"road trip\" post:\"told you\" " + LINK
                + tracks.get(1))).startsWith("You're in 2 groups called Family. Which one?");
        assertThat(sandbox.lastSent("carol").path("quick_replies").findValuesAsText("title"))
                .containsExactly("1. Alice Smith's", "2. Bob Fisher's", "Don't send");
        // Messenger shows quick replies under the newest message only: this tap crossed the second question on its way
        assertThat(tapUnder("carol", older, "2. Bob Fisher's")).isEqualTo("That tap answered an earlier question, so I "
                + "did nothing. You're in 2 groups called Family. Which one?\n"
                + "1. Family (Alice Smith's) — made by Alice Smith, 3 members\n"
                + "2. family (Bob Fisher's) — made by Bob Fisher, 2 members");

        assertThat(sandbox.tapTitled("carol", "2. Bob Fisher's")).containsExactly("Sent " + title + " to family (Bob "
                + "Fisher's) (1 person). I'll tell you when they play it, or if they haven't within 7 days.");
        // Messenger dismisses quick replies once one is tapped: a second answer can only be typed
        assertThat(reply("carol", "2")).isEqualTo("I'm not waiting for an answer from you.");

        assertThat(sandbox.inbox("bob")).filteredOn(text -> text.startsWith("🎵 Carol King sent a song to family: "))
                .containsExactly("🎵 Carol King sent a song to family: " + title + "\n“road trip”");
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("sent a song"));
        assertThat(sandbox.inbox("dan")).noneMatch(text -> text.contains("sent a song"));
        sandbox.play("bob-sp", tracks.get(1));
        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("bob")).isEqualTo("Carol King's note on " + title + ": “told you”");
    }

    @Test
    void groupsOfOneNameByNamesakesOfOneSizeMadeTheSameDayHaveQuickRepliesThatStillDifferAfterMessengersCut() {
        registerAliceBobAndCarol();
        register("bob2", "Bob Fisher");
        reply("bob", "create_group Family");
        reply("bob", "add_to_group Family \"Carol King\"");
        sandbox.advanceMinutes(1);
        reply("bob2", "create_group family");
        reply("bob2", "add_to_group family \"Carol King\"");

        assertThat(reply("carol", "send_song group:Family " + LINK + tracks.getFirst())).startsWith("You're in 2 "
                + "groups called Family. Which one?");
        List<String> titles = sandbox.lastSent("carol").path("quick_replies").findValuesAsText("title");
        assertThat(titles).hasSize(3).doesNotHaveDuplicates();
        assertThat(sandbox.tapTitled("carol", titles.get(1)).getFirst()).startsWith("Sent ")
                .contains(" to family (Bob Fisher's) (1 person).");
        assertThat(sandbox.inbox("bob2")).anyMatch(text -> text.startsWith("🎵 Carol King sent a song to family: "));
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains("sent a song to"));
    }

    @Test
    void aPastedSongForANameTwoGroupsHaveAsksWhichWithQuickRepliesAndGoesToTheOneTappedWithItsNote() {
        carolInAlicesFamilyAndBobsFamily();
        String title = title(tracks.get(2));
        assertThat(sandbox.ask("carol", LINK + tracks.get(2) + " road trip", 2).getFirst())
                .isEqualTo("Who is it for?\nWith it: “road trip”");

        assertThat(reply("carol", "Family")).isEqualTo("You're in 2 groups called Family. Which one?\n"
                + "1. Family (Alice Smith's) — made by Alice Smith, 3 members\n"
                + "2. family (Bob Fisher's) — made by Bob Fisher, 2 members");
        assertThat(sandbox.lastSent("carol").path("quick_replies").findValuesAsText("title"))
                .containsExactly("1. Alice Smith's", "2. Bob Fisher's", "Don't send");
        assertThat(sandbox.tapTitled("carol", "2. Bob Fisher's")).containsExactly("Send " + title
                + " to family (Bob Fisher's)?\nWith it: “road trip”");
        assertThat(sandbox.tapTitled("carol", "Send")).singleElement().asString().startsWith("Sent " + title
                + " to family (Bob Fisher's) (1 person).");

        assertThat(sandbox.inbox("bob")).filteredOn(text -> text.startsWith("🎵 Carol King sent a song to family: "))
                .containsExactly("🎵 Carol King sent a song to family: " + title + "\n“road trip”");
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("sent a song"));
        assertThat(sandbox.inbox("dan")).noneMatch(text -> text.contains("sent a song"));
        assertThat(reply("carol", "cancel")).as("no question open: the command").startsWith("Stopped watching "
                + title);
    }

    @Test
    void aGroupNamedWhereAFriendsNameGoesGetsTheSongAndNobodyIsInvitedByTheGroupsName() {
        registerAliceBobAndCarol();
        reply("alice", "create_group Family");
        reply("alice", "add_to_group Family \"Bob Fisher\"");
        reply("alice", "add_to_group Family \"Carol King\"");

        assertThat(reply("alice", "send_song Family " + LINK + tracks.get(0)))
                .startsWith("Sent " + title(tracks.get(0)) + " to Family (2 people).");
        assertThat(reply("alice", "send song to family " + LINK + tracks.get(1)))
                .startsWith("Sent " + title(tracks.get(1)) + " to Family (2 people).");
        sandbox.ask("alice", LINK + tracks.get(2), 2);
        assertThat(reply("alice", "Family")).as("typed at \"Who is it for?\"")
                .isEqualTo("Send " + title(tracks.get(2)) + " to Family?");
        assertThat(reply("alice", "send")).startsWith("Sent " + title(tracks.get(2)) + " to Family (2 people).");
        assertThat(sandbox.inbox("bob")).filteredOn(text -> text.startsWith("🎵 Alice Smith sent a song to Family: "))
                .hasSize(3);

        sandbox.advanceMinutes(1);
        reply("bob", "create_group Family");
        reply("bob", "add_to_group Family \"Carol King\"");
        assertThat(reply("carol", "send_song Family " + LINK + tracks.get(3))).startsWith("You're in 2 groups called "
                + "Family. Which one?\n1. Family (Alice Smith's) — made by Alice Smith, 3 members\n");
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.startsWith("I don't know anyone called"));
        assertThat(sandbox.inbox("carol")).noneMatch(text -> text.startsWith("I don't know anyone called"));
    }

    @Test
    void forgetMeTakesAPersonOutOfEveryGroupAndDeletesTheGroupsTheyMade() {
        registerAliceBobAndCarol();
        reply("alice", "create_group Family");
        reply("alice", "add_to_group Family \"Bob Fisher\"");
        reply("bob", "create_group Band");
        reply("bob", "add_to_group Band \"Alice Smith\"");
        reply("bob", "add_to_group Band \"Carol King\"");

        assertThat(reply("alice", "forget_me")).endsWith("Delete it all?");
        assertThat(reply("alice", "forget_me confirm")).startsWith("Done: I've deleted everything")
                .contains("your groups and memberships");

        assertThat(sandbox.inbox("bob")).contains("The group Family no longer exists: the person who made it "
                + "has left Send Songs.", "Someone who left Send Songs is no longer in your group Band.");
        assertThat(reply("bob", "groups")).isEqualTo("Your groups:\n• Band — yours, 2 members\n"
                + "See who is in one with: members <group>");
    }

    @Test
    void aGroupIsMadeAndFilledInPlainWordsAndByTapping() {
        registerAliceBobAndCarol();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(0));
        sandbox.advanceMinutes(1);
        sandbox.ask("carol", "send_song name:\"Alice Smith\" " + LINK + tracks.get(1));
        sandbox.advanceMinutes(1);

        assertThat(reply("alice", "create a group")).isEqualTo("What should the group be called? Type its name, like "
                + "Family or Road Trip.");
        assertThat(quickReplies("alice")).containsExactly("Never mind");
        assertThat(reply("alice", "never mind")).startsWith("Hi Alice! ");
        assertThat(reply("alice", "groups")).startsWith("You're not in any group yet.");
        assertThat(sandbox.tapTitled("alice", "Make a group")).singleElement().asString()
                .startsWith("What should the group be called?");
        assertThat(reply("alice", "Family")).startsWith("Created the group Family.")
                .endsWith("\nOr tap someone you've shared songs with to add them:");
        assertThat(quickReplies("alice")).containsExactly("Add Carol King", "Add Bob Fisher");

        assertThat(sandbox.tapTitled("alice", "Add Carol King")).singleElement().asString()
                .startsWith("Added Carol King to Family (2 members).");
        assertThat(quickReplies("alice")).containsExactly("Add Bob Fisher", "See members");
        assertThat(reply("alice", "add Bob to Family")).startsWith("Added Bob Fisher to Family (3 members).");
        assertThat(reply("bob", "who is in Family?")).startsWith("Family — made by Alice Smith, 3 members:");
        assertThat(quickReplies("bob")).containsExactly("Leave Family");
        assertThat(reply("bob", "I don't want to be in Family")).startsWith("You've left Family.");
        assertThat(reply("alice", "kick Carol from Family")).startsWith("Removed Carol King from Family");
    }

    private List<String> quickReplies(String psid) {
        List<String> titles = new ArrayList<>();
        sandbox.lastSent(psid).path("quick_replies").forEach(reply -> titles.add(reply.path("title").asText()));
        return titles;
    }

    private void registerAliceBobAndCarol() {
        register("alice", "Alice Smith");
        register("bob", "Bob Fisher");
        register("carol", "Carol King");
    }

    /** Carol is in two groups called Family: Alice's (with Dan, made first) and Bob's, a minute later. */
    private void carolInAlicesFamilyAndBobsFamily() {
        registerAliceBobAndCarol();
        register("dan", "Dan Brown");
        reply("alice", "create_group Family");
        reply("alice", "add_to_group Family \"Carol King\"");
        reply("alice", "add_to_group Family \"Dan Brown\"");
        sandbox.advanceMinutes(1);
        reply("bob", "create_group family");
        reply("bob", "add_to_group family \"Carol King\"");
    }

    private void register(String psid, String name) {
        assertThat(sandbox.register(psid, psid + "-sp", name)).startsWith("Welcome, " + name);
    }

    /**
     * The person taps the quick reply titled {@code title} of {@code message} (an inbox entry), sent while it was the
     * newest they saw, though the bot has sent newer ones since; the bot's one reply.
     */
    private String tapUnder(String psid, JsonNode message, String title) {
        JsonNode tapped = null;
        for (JsonNode quickReply : message.path("message").path("quick_replies")) {
            tapped = quickReply.path("title").asText().equals(title) ? quickReply : tapped;
        }
        assertThat(tapped).as("quick reply " + title).isNotNull();
        int before = sandbox.inbox(psid).size();
        sandbox.control().tapQuickReplySentUnder(psid, message.path("message_id").asText(), title,
                tapped.path("payload").asText());
        List<String> after = sandbox.awaitInbox(psid, inbox -> inbox.size() > before);
        assertThat(after).hasSize(before + 1);
        return after.getLast();
    }

    /** The bot's one reply to what the person says. */
    private String reply(String psid, String text) {
        List<String> replies = sandbox.ask(psid, text);
        assertThat(replies).as("replies to " + text).hasSize(1);
        return replies.getFirst();
    }

    /** "Title by Artist", as the bot writes it. */
    private String title(String trackId) {
        for (JsonNode track : sandbox.get("/sandbox/spotify/tracks").json()) {
            if (track.path("id").asText().equals(trackId)) {
                List<String> artists = new ArrayList<>();
                track.path("artists").forEach(a -> artists.add(a.asText()));
                return track.path("name").asText() + " by " + String.join(", ", artists);
            }
        }
        throw new AssertionError("no track " + trackId + " in the catalogue");
    }
}
