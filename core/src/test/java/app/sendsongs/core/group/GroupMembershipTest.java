package app.sendsongs.core.group;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.share.ShareStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Making groups and changing who is in them, through the bot on fakes. */
class GroupMembershipTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private BotHarness bot;

    @BeforeEach
    void people() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
    }

    @Test
    void theCreatorOwnsTheGroupAndIsItsFirstMember() {
        assertThat(bot.reply("alice", "create_group name:\"Family\"")).isEqualTo("Created the group Family. Add "
                + "people who have registered with me: add_to_group Family \"<full name>\" (or in words: add <full "
                + "name> to Family)\nThen share a song with all of them: paste its link and tap 👥 Family (or "
                + "send_song group:\"Family\" <Spotify link>)");

        Group family = groupsOf("alice").getFirst();
        assertThat(family.owner()).isEqualTo(at("alice"));
        assertThat(bot.stores.groups().membersOf(family.id())).extracting(GroupMember::member)
                .containsExactly(at("alice"));
    }

    @Test
    void aGroupNameMayEndInAnEmojiMadeWithJoiners() {
        String family = "Family \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67";
        assertThat(bot.reply("alice", "create_group " + family)).startsWith("Created the group " + family + ". ");
        bot.reply("alice", "add_to_group \"" + family + "\" \"Bob Fisher\"");

        assertThat(bot.reply("alice", "send_song group:\"" + family + "\" " + LINK)).startsWith("Sent ");
        assertThat(bot.inbox("bob")).anyMatch(text -> text.contains(FakeMusic.SONG.title()));
    }

    @Test
    void aNameWithSpacesIsQuotedInTheExamples() {
        assertThat(bot.reply("alice", "create_group Road   Trip")).startsWith("Created the group Road Trip. ")
                .contains("add_to_group \"Road Trip\" \"<full name>\"");
    }

    @Test
    void aGroupNameOfSeveralWordsNeedsNoQuotesWhenItIsOneOfTheOwners() {
        bot.reply("alice", "create_group Road Trip");
        bot.register("bob2", "Bob Fisher");

        assertThat(bot.reply("alice", "add_to_group Road Trip Carol King")).startsWith("Added Carol King to Road Trip");
        assertThat(bot.reply("alice", "add_to_group road trip bob fisher")).as("a question about the person")
                .startsWith("2 people are called");
        assertThat(bot.reply("alice", "1")).startsWith("Added Bob Fisher to Road Trip");
        assertThat(bot.reply("alice", "remove_from_group Road Trip Carol King"))
                .startsWith("Removed Carol King from Road Trip");
        assertThat(bot.reply("alice", "add_to_group Road Carol King")).as("no group of those words")
                .startsWith("You're not in a group called \"Road\".");
    }

    @Test
    void groupNamesAreUniquePerOwnerIgnoringCaseAndSpacing() {
        bot.reply("alice", "create_group Family Time");

        assertThat(bot.reply("alice", "create_group name:'family  TIME'")).isEqualTo("You already have a group "
                + "called family TIME. See your groups with: groups");
        assertThat(bot.reply("bob", "create_group Family Time")).startsWith("Created the group Family Time.");
        assertThat(groupsOf("alice")).hasSize(1);
    }

    @Test
    void badGroupNamesAreRefusedWithTheUsage() {
        assertThat(bot.reply("alice", "create_group name:\"---\"")).startsWith("A group name needs at least one "
                + "letter or digit.\ncreate_group name:");
        assertThat(bot.reply("alice", "create_group name:'The \"Best\" Ones'")).startsWith("A group name can't "
                + "contain double quotes.");
        assertThat(bot.reply("alice", "create_group " + "x".repeat(41))).startsWith("A group name can be at most 40 "
                + "characters.");
        assertThat(bot.reply("alice", "create_group F\u0430mily")).as("a Cyrillic а: shows as Family")
                .startsWith("The word \"F\u0430mily\" mixes Latin and Cyrillic letters, so the group could pass for "
                        + "another; please write each word in one alphabet.");
        assertThat(groupsOf("alice")).isEmpty();
        assertThat(bot.reply("alice", "create_group Семья")).startsWith("Created the group Семья.");
    }

    @Test
    void onePersonMakesAtMostTwentyGroups() {
        for (int i = 1; i <= 20; i++) {
            assertThat(bot.reply("alice", "create_group Group " + i)).startsWith("Created");
        }

        assertThat(bot.reply("alice", "create_group One More")).isEqualTo("You already have 20 groups, the most one "
                + "person can make. Delete one first with: delete_group <group>");
        bot.reply("alice", "delete_group Group 7");
        tapYes("alice");
        assertThat(bot.reply("alice", "create_group One More")).startsWith("Created");
    }

    @Test
    void theAddedPersonIsToldByWhomAndHowToLeave() {
        bot.reply("alice", "create_group Family");

        assertThat(bot.reply("alice", "add_to_group Family 'Bob Fisher'")).isEqualTo("Added Bob Fisher to Family "
                + "(2 members). I've told them, and how to leave if they'd rather not be in it.");
        assertThat(bot.last("bob")).isEqualTo("👥 Alice Smith added you to the group Family. Songs sent to the group "
                + "will come to you too. If you'd rather not be in it, send: leave_group Family");
        assertThat(bot.reply("alice", "add_to_group Family 'bob fisher'")).isEqualTo("Bob Fisher is already in "
                + "Family.");
        assertThat(bot.reply("alice", "add_to_group Family 'Alice Smith'")).isEqualTo("You're in Family already: "
                + "you made it.");
    }

    @Test
    void anAddedPersonTheNoticeCannotReachYetIsNotSaidToBeTold() {
        bot.reply("alice", "create_group Family");
        bot.chat.windowCloses("bob");
        bot.chat.blocks("carol");

        assertThat(bot.reply("alice", "add_to_group Family 'Bob Fisher'")).isEqualTo("Added Bob Fisher to Family "
                + "(2 members). I'll tell them, and how to leave if they'd rather not be in it, as soon as I can reach "
                + "them.");
        assertThat(bot.reply("alice", "add_to_group Family 'Carol King'")).isEqualTo("Added Carol King to Family "
                + "(3 members). I'll tell them, and how to leave if they'd rather not be in it, as soon as I can "
                + "reach them.");

        bot.chat.windowOpens("bob");
        bot.say("bob", "hi");
        assertThat(bot.inbox("bob")).anyMatch(text -> text.startsWith("👥 Alice Smith added you to the group Family."));
    }

    @Test
    void onlyTheOwnerAddsRemovesAndDeletes() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");

        assertThat(bot.reply("bob", "add_to_group Family \"Carol King\"")).isEqualTo("Only Alice Smith, who made "
                + "Family, can add people to it. To leave it yourself, send: leave_group Family");
        assertThat(bot.reply("bob", "remove_from_group Family \"Alice Smith\"")).isEqualTo("Only Alice Smith, who "
                + "made Family, can remove people from it. To leave it yourself, send: leave_group Family");
        assertThat(bot.reply("bob", "delete_group Family")).isEqualTo("Only Alice Smith, who made Family, can delete "
                + "it. To leave it yourself, send: leave_group Family");
        assertThat(bot.reply("carol", "members Family")).isEqualTo("You're not in a group called \"Family\", and you're in no group now. Make one with: "
                + "create_group name:\"<group>\"");
        assertThat(bot.stores.groups().membersOf(groupsOf("alice").getFirst().id())).hasSize(2);
    }

    @Test
    void onlyRegisteredPeopleCanBeAdded() {
        bot.reply("alice", "create_group Family");

        assertThat(bot.reply("alice", "add_to_group Family \"Zed Nobody\"")).isEqualTo("I don't know anyone called "
                + "\"Zed Nobody\", so I can't add them. Only people registered with me can be in a group: they write "
                + "to me and connect Spotify at " + BotHarness.BASE_URL + "/connect, then send me "
                + "the register command shown there. Add them once they have.");
    }

    @Test
    void aFirstNameAloneThatIsNoContactsSaysAWholeNameFindsAnyoneRegistered() {
        bot.reply("alice", "create_group Family");

        assertThat(bot.reply("alice", "add Zed to Family")).isEqualTo("I don't know anyone called \"Zed\", so I "
                + "can't add them. A first name alone finds only people you've shared songs or a group with: if they "
                + "have registered with me, add them by their whole name: add_to_group Family \"<full name>\". "
                + "Only people registered with me can be in a group: they write to me and connect Spotify at "
                + BotHarness.BASE_URL + "/connect, then send me the register command shown there. Add them once they "
                + "have.");
    }

    @Test
    void aNameSharedByTwoPeopleIsAskedAboutAndTheAnswerAddsThatOne() {
        bot.register("bob2", "Bob Fisher");
        bot.reply("alice", "create_group Family");

        String question = bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        assertThat(question).isEqualTo("2 people are called Bob Fisher. Which one?\n1. Bob Fisher — joined 1 May 12:00 "
                + "UTC, the first of the two\n2. Bob Fisher — joined 1 May 12:00 UTC, the second of the two");
        assertThat(bot.reply("alice", "4")).startsWith("Please answer with a number from 1 to 2.\n");
        assertThat(bot.reply("alice", "2")).startsWith("Added Bob Fisher to Family (2 members).");

        assertThat(groupsOf("bob2")).hasSize(1);
        assertThat(groupsOf("bob")).isEmpty();
    }

    @Test
    void aGroupHoldsAtMostFiftyMembers() {
        bot.reply("alice", "create_group Big");
        for (int i = 1; i <= 49; i++) {
            bot.register("p" + i, "Person " + i);
            assertThat(bot.reply("alice", "add_to_group Big \"Person " + i + "\"")).startsWith("Added");
        }

        assertThat(bot.reply("alice", "add_to_group Big \"Bob Fisher\"")).isEqualTo("Big already has 50 members, "
                + "the most a group can have.");
    }

    @Test
    void aPersonIsInAtMostFiftyGroups() {
        for (String owner : new String[] {"o1", "o2", "o3"}) {
            bot.register(owner, "Owner " + owner);
        }
        for (int i = 0; i < 50; i++) {
            String owner = "o" + (1 + i / 20);
            bot.reply(owner, "create_group G" + i);
            assertThat(bot.reply(owner, "add_to_group G" + i + " \"Bob Fisher\"")).startsWith("Added");
        }
        bot.reply("o3", "create_group Last");

        assertThat(bot.reply("o3", "add_to_group Last \"Bob Fisher\"")).isEqualTo("Bob Fisher is already in 50 "
                + "groups, the most one person can be in.");
        assertThat(bot.reply("bob", "create_group Mine")).isEqualTo("You're in 50 groups, the most one person can be "
                + "in. Leave one first with: leave_group <group>");
    }

    @Test
    void theOwnerRemovesSomeoneWhoIsToldAndTheOwnerCannotBeRemoved() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");

        assertThat(bot.reply("alice", "remove_from_group Family \"Carol King\"")).isEqualTo("Nobody called \"Carol "
                + "King\" is in Family. See who is with: members Family");
        assertThat(bot.reply("alice", "remove_from_group Family \"Alice Smith\"")).isEqualTo("You made Family, so you "
                + "can't be removed from it. To end it for everyone, send: delete_group Family");
        assertThat(bot.reply("alice", "remove_from_group Family \"Bob Fisher\"")).isEqualTo("Removed Bob Fisher from "
                + "Family.");
        assertThat(bot.last("bob")).isEqualTo("Alice Smith removed you from the group Family. Songs sent to it won't "
                + "come to you any more.");
        assertThat(bot.reply("bob", "groups")).startsWith("You're not in any group yet.");
    }

    @Test
    void theOwnerRemovesAMemberByTheirFirstName() {
        bot.register("bob2", "Bob Marley");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Carol King\"");

        assertThat(bot.reply("alice", "remove_from_group Family Carol")).isEqualTo("Removed Carol King from Family.");
        assertThat(bot.last("carol")).startsWith("Alice Smith removed you from the group Family.");

        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "add_to_group Family \"Bob Marley\"");
        assertThat(bot.reply("alice", "remove_from_group Family bob")).as("two members called Bob")
                .startsWith("That name fits 2 people. Which one?\n1. Bob Fisher").contains("2. Bob Marley");
        assertThat(bot.reply("alice", "2")).isEqualTo("Removed Bob Marley from Family.");
        assertThat(bot.reply("alice", "remove_from_group Family Alice")).startsWith("You made Family, so you can't "
                + "be removed from it.");
    }

    @Test
    void anyoneButTheOwnerCanLeaveAndTheOwnerIsTold() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");

        assertThat(bot.reply("alice", "leave_group Family")).isEqualTo("You made Family, so you can't leave it. To "
                + "end it for everyone, send: delete_group Family");
        assertThat(bot.reply("bob", "leave_group Family")).isEqualTo("You've left Family. Songs sent to it won't come "
                + "to you any more.");
        assertThat(bot.last("alice")).isEqualTo("Bob Fisher left your group Family.");
        assertThat(bot.reply("bob", "leave_group Family")).as("not \"yet\": he was in it")
                .isEqualTo("You're not in a group called \"Family\", and you're in no group now. Make one with: "
                + "create_group name:\"<group>\"");
    }

    @Test
    void leavingAGroupDeletedSinceSaysThereIsNoGroupOfThatNameAndListsTheGroupsTheyAreIn() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "create_group Weekend");
        bot.reply("alice", "add_to_group Weekend \"Bob Fisher\"");
        bot.reply("alice", "delete_group Family");
        tapYes("alice");

        assertThat(bot.reply("bob", "leave_group Family"))
                .isEqualTo("You're not in a group called \"Family\". Your groups: Weekend.");
        bot.reply("bob", "leave_group Weekend");
        assertThat(bot.reply("bob", "leave_group Family")).isEqualTo("You're not in a group called \"Family\", and you're in no group now. Make one with: "
                + "create_group name:\"<group>\"");
    }

    @Test
    void leavingStopsOnlyTheSongsSentThroughThatGroup() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("carol", "create_group Band");
        bot.reply("carol", "add_to_group Band \"Bob Fisher\"");
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.reply("carol", "send_song group:Band " + LINK);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply("bob", "leave_group Family")).endsWith("I've stopped watching the song from it you "
                + "hadn't played yet.");

        assertThat(bot.stores.shares().openSharesTo(at("bob"))).hasSize(2)
                .allMatch(s -> s.status() == ShareStatus.WATCHING)
                .noneMatch(s -> s.sender().equals(at("alice")) && s.sentToGroup());
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).filteredOn(s -> s.sentToGroup()).singleElement()
                .extracting(s -> s.status()).isEqualTo(ShareStatus.LEFT_GROUP);
        assertThat(bot.stores.watches().findWatch(at("bob"))).isPresent();
    }

    @Test
    void deletingDoesNotCountASongStoppedEarlierWhenItsReceiverLeftAndCameBack() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.reply("bob", "leave_group Family");
        bot.advance(Duration.ofMinutes(1));
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "send_song group:Family " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", "delete_group Family");

        assertThat(tapYes("alice")).isEqualTo("Deleted the group Family and told its other member. I've stopped "
                + "watching your song sent through it that had not been played yet.");
    }

    @Test
    void deletingTellsTheMembersAndStopsTheSongsSentThroughIt() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.reply("bob", "send_song group:Family " + LINK);
        bot.reply("alice", "send_song group:Family " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply("alice", "delete_group family")).isEqualTo("Delete the group Family? Its 2 other "
                + "members are told, and the songs sent through it that haven't been played stop being watched.");
        assertThat(bot.inbox("bob")).as("nothing happens before the yes").noneMatch(t -> t.contains("deleted"));
        assertThat(tapYes("alice")).as("only her own songs: whether Bob's were played is his to know")
                .isEqualTo("Deleted the group Family and told its 2 other members. I've stopped watching your 2 songs "
                        + "sent through it that had not been played yet.");
        assertThat(bot.last("bob")).isEqualTo("Alice Smith deleted the group Family.");
        assertThat(bot.last("carol")).isEqualTo("Alice Smith deleted the group Family.");
        assertThat(bot.stores.shares().sharesSentBy(at("bob"))).allMatch(s -> s.status() == ShareStatus.LEFT_GROUP);
        assertThat(bot.inbox("bob")).noneMatch(text -> text.matches("(?s)\\d+ of \\d+ played .*"));
        assertThat(bot.reply("alice", "groups")).startsWith("You're not in any group yet.");
    }

    @Test
    void deletingAsksFirstAndNoKeepsTheGroup() {
        bot.reply("alice", "create_group Family");

        assertThat(bot.reply("alice", "delete_group Family")).isEqualTo("Delete the group Family? Nobody else is in "
                + "it.");
        Message question = bot.chat.messages("alice").getLast();
        assertThat(question.choices()).extracting(Choice::title).containsExactly("Yes, delete it", "No, keep it");
        bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"), bot.clock.instant(), "menu",
                "No, keep it"));

        assertThat(groupsOf("alice")).hasSize(1);
        assertThat(tapYes("alice", question)).as("a yes tapped after the no asks again")
                .startsWith("Delete the group Family?");
        assertThat(tapYes("alice")).startsWith("Deleted the group Family.");
        assertThat(tapYes("alice", question)).as("tapped twice").isEqualTo("That group no longer exists.");
    }

    @Test
    void onlyTheOwnerCanConfirmADeletionWhateverIdTheyType() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        String id = groupsOf("alice").getFirst().id();

        assertThat(bot.reply("bob", "delete_group confirm " + id)).isEqualTo("That group no longer exists.");
        assertThat(bot.reply("alice", "delete_group confirm 00000000-0000-0000-0000-000000000000"))
                .isEqualTo("That group no longer exists.");
        assertThat(groupsOf("alice")).hasSize(1);
        assertThat(bot.reply("alice", "delete_group group:confirm")).as("a group called confirm is just a name")
                .isEqualTo("You're not in a group called \"confirm\". Your groups: Family.");
    }

    @Test
    void aSongStillWaitingForSomeoneWhoIsRemovedIsTakenBack() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.chat.windowCloses("bob");
        bot.reply("alice", "send_song group:Family pre:\"for you\" " + LINK);

        assertThat(bot.reply("alice", "remove_from_group Family 'Bob Fisher'")).isEqualTo("Removed Bob Fisher from "
                + "Family. I've stopped watching the song you sent them through it.");
        bot.chat.windowOpens("bob");
        bot.say("bob", "hi");

        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("for you"))
                .anyMatch(text -> text.startsWith("Alice Smith removed you from the group Family."));
        assertThat(bot.stores.outbox().heldMessagesFor(at("bob"))).isEmpty();
    }

    @Test
    void forgettingSomeoneDeletesTheirGroupsAndTakesThemOutOfOthers() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("bob", "create_group Band");
        bot.reply("bob", "add_to_group Band \"Alice Smith\"");
        bot.reply("bob", "send_song group:Band " + LINK);

        bot.reply("alice", "forget_me");
        assertThat(bot.reply("alice", "forget_me confirm")).contains("your groups and memberships");

        assertThat(bot.last("bob")).isEqualTo("The group Family no longer exists: the person who made it has left "
                + "Send Songs.");
        assertThat(groupsOf("bob")).extracting(Group::name).containsExactly("Band");
        assertThat(bot.stores.groups().membersOf(groupsOf("bob").getFirst().id())).extracting(GroupMember::member)
                .containsExactly(at("bob"));
        assertThat(bot.stores.shares().sharesSentBy(at("bob"))).isEmpty();
        bot.advance(Duration.ofDays(8));
        assertThat(bot.inbox("bob")).noneMatch(text -> text.matches("(?s)\\d+ of \\d+ played .*"));
    }

    @Test
    void someoneWhoBlockedTheOwnerIsNotOfferedAsATapToAdd() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Carol King\" " + LINK);
        bot.reply("carol", "block Alice Smith");

        bot.reply("alice", "create_group Weekend");
        assertThat(bot.chat.messages("alice").getLast().choices()).as("a tap bound to fail is no tap")
                .extracting(Choice::title).containsExactly("Add Bob Fisher");
        bot.reply("alice", "add_to_group Weekend Bob Fisher");
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .doesNotContain("Add Carol King");
    }

    @Test
    void namingSeveralPeopleInOneAddAsksForOneAtATimeWithATapForEachInsteadOfSayingTheyMustRegister() {
        bot.reply("alice", "create_group Weekend");

        for (String said : List.of("add Bob Fisher and Carol King to Weekend",
                "add_to_group Weekend Bob Fisher, Carol King", "add Bob Fisher & Carol King to weekend")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo("Please add one person at a time: tap each, "
                    + "or send: add_to_group Weekend \"Bob Fisher\"").doesNotContain("register");
            assertThat(bot.chat.messages("alice").getLast().choices()).as(said).containsExactly(
                    new Choice("Add Bob Fisher", "add_to_group Weekend \"Bob Fisher\""),
                    new Choice("Add Carol King", "add_to_group Weekend \"Carol King\""));
        }
        assertThat(groupsOf("bob")).isEmpty();
        assertThat(bot.reply("alice", "add Zed Nobody to Weekend")).as("one unknown name as before")
                .startsWith("I don't know anyone called \"Zed Nobody\", so I can't add them.");
    }

    @Test
    void someoneForgottenGetsNoSummaryOfTheirOwnGroupsSongsEndedByTheirLeaving() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(10));
        int before = bot.inbox("alice").size();

        bot.reply("alice", "forget_me");
        bot.reply("alice", "forget_me confirm");

        assertThat(bot.inbox("alice").subList(before, bot.inbox("alice").size()))
                .as("no summary saying Carol is no longer in the group, while Alice's data is being deleted")
                .noneMatch(text -> text.matches("(?s)\\d+ of \\d+ played .*"))
                .noneMatch(text -> text.contains("Carol"));
    }

    @Test
    void theSummaryThatForgettingAMemberCompletesDoesNotNameThem() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(10));

        int before = bot.inbox("alice").size();

        bot.reply("carol", "forget_me");
        bot.reply("carol", "forget_me confirm");
        bot.advance(Duration.ofMinutes(10));

        List<String> since = bot.inbox("alice").subList(before, bot.inbox("alice").size());
        assertThat(since).anyMatch(text -> text.startsWith("1 of 1 played " + FakeMusic.SONG.title()))
                .noneMatch(text -> text.contains("Carol"));
    }

    @Test
    void theAddedPersonLeavesWithOneTap() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family 'Bob Fisher'");

        Message notice = bot.chat.messages("bob").getLast();
        assertThat(notice.choices()).containsExactly(new Choice("Leave Family", "leave_group Family"));
        List<String> replies = bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("bob"), bot.clock.instant(),
                "leave_group Family", "Leave Family"));
        assertThat(replies.getLast()).startsWith("You've left Family.");
        assertThat(groupsOf("bob")).isEmpty();
    }

    private List<Group> groupsOf(String psid) {
        return bot.stores.groups().groupsOf(at(psid));
    }

    /** Taps "Yes, delete it" under the last question the person got. */
    private String tapYes(String psid) {
        return tapYes(psid, bot.chat.messages(psid).getLast());
    }

    private String tapYes(String psid, Message question) {
        Choice yes = question.choices().stream().filter(c -> c.title().equals("Yes, delete it")).findFirst()
                .orElseThrow();
        List<String> replies = bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at(psid), bot.clock.instant(),
                yes.payload(), yes.title()));
        return replies.getLast();
    }
}
