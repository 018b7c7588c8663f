package app.sendsongs.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.BotHarness;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How people name groups: their own first, else the one group of that name they are in, else with the owner. */
class GroupFinderTest {
    private BotHarness bot;

    @BeforeEach
    void twoFamilies() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.advance(Duration.ofMinutes(1));
        bot.reply("bob", "create_group FAMILY");
        bot.reply("bob", "add_to_group FAMILY \"Carol King\"");
    }

    @Test
    void aPersonsOwnGroupComesFirst() {
        assertThat(bot.reply("bob", "members family")).startsWith("FAMILY — your group, 2 members:");
        assertThat(bot.reply("alice", "members family")).startsWith("Family — your group, 3 members:");
    }

    @Test
    void twoGroupsOfOneNameAreToldApartByTheirOwners() {
        assertThat(bot.reply("carol", "members Family")).isEqualTo("You're in 2 groups called Family. Which one?\n"
                + "1. Family (Alice Smith's) — made by Alice Smith, 3 members\n"
                + "2. FAMILY (Bob Fisher's) — made by Bob Fisher, 2 members");
        assertThat(bot.reply("carol", "members family (bob fisher’s)")).startsWith("FAMILY (Bob Fisher's) — made by "
                + "Bob Fisher, 2 members:");
        assertThat(bot.reply("carol", "members Family (Alice Smith's)")).startsWith("Family (Alice Smith's) — made "
                + "by Alice Smith, 3 members:");
        assertThat(bot.reply("bob", "members Family (Alice Smith's)")).startsWith("Family (Alice Smith's) — made "
                + "by Alice Smith");
    }

    @Test
    void theAddedPersonIsToldTheNameThatReachesTheGroup() {
        assertThat(bot.last("carol")).endsWith("leave_group FAMILY (Bob Fisher's)");
        assertThat(bot.inbox("bob")).anyMatch(text -> text.endsWith("leave_group Family"));
    }

    @Test
    void theListOfGroupsUsesThoseNames() {
        assertThat(bot.reply("carol", "groups")).isEqualTo("Your groups:\n"
                + "• Family (Alice Smith's) — made by Alice Smith, 3 members\n"
                + "• FAMILY (Bob Fisher's) — made by Bob Fisher, 2 members\n"
                + "See who is in one with: members <group>");
        assertThat(bot.reply("bob", "groups")).isEqualTo("Your groups:\n"
                + "• Family (Alice Smith's) — made by Alice Smith, 3 members\n"
                + "• FAMILY — yours, 2 members\n"
                + "See who is in one with: members <group>");
    }

    @Test
    void aGroupThePersonIsNotInIsNotFound() {
        bot.register("dan", "Dan Brown");
        bot.reply("dan", "create_group Poker");

        assertThat(bot.reply("dan", "members Family")).isEqualTo("You're not in a group called \"Family\". Your "
                + "groups: Poker.");
        assertThat(bot.reply("dan", "members Family (Alice Smith's)")).startsWith("You're not in a group called");
        assertThat(bot.reply("carol", "members Poker")).isEqualTo("You're not in a group called \"Poker\". Your "
                + "groups: Family (Alice Smith's), FAMILY (Bob Fisher's).");
    }

    @Test
    void aGroupWhoseNameHasEmojiIsFoundByItsWordsAlone() {
        bot.reply("carol", "create_group Road Trip 🚗");
        bot.reply("carol", "create_group Mom & Dad ❤️");
        String link = app.sendsongs.core.fakes.FakeMusic.SONG.id().link();

        assertThat(bot.reply("carol", "add Bob Fisher to road trip")).as("typed as on a phone, without the emoji")
                .startsWith("Added Bob Fisher to Road Trip 🚗 (2 members).");
        assertThat(bot.reply("carol", "members mom & dad")).startsWith("Mom & Dad ❤️ — your group, 1 member");
        assertThat(bot.reply("carol", link + " for road trip")).isEqualTo("Send "
                + app.sendsongs.core.fakes.FakeMusic.SONG.title() + " to Road Trip 🚗?");
        assertThat(bot.reply("carol", "members road trip 🚌")).as("another emoji is another name")
                .startsWith("You're not in a group called");
        assertThat(bot.reply("bob", "leave_group Road Trip")).startsWith("You've left Road Trip 🚗.");
    }

    @Test
    void aGroupNamedExactlyAsTypedComesBeforeOneThatAlsoHasEmoji() {
        bot.reply("alice", "create_group Family 🎉");

        assertThat(bot.reply("alice", "members family")).startsWith("Family — your group, 3 members:");
        assertThat(bot.reply("alice", "members family 🎉")).startsWith("Family 🎉 — your group, 1 member");
    }
}
