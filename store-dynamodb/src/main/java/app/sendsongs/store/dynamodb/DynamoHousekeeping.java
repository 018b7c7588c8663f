package app.sendsongs.store.dynamodb;

import app.sendsongs.core.bot.Housekeeping;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/** What crosses the parts of the table: forgetting a person everywhere, and purging expired leftovers. */
final class DynamoHousekeeping implements Housekeeping {
    private final DynamoUsers users;
    private final DynamoShares shares;
    private final DynamoWatches watches;
    private final DynamoOutbox outbox;
    private final DynamoChoices choices;
    private final DynamoDrafts drafts;
    private final DynamoInvites invites;
    private final DynamoPreferences preferences;
    private final DynamoGroups groups;
    private final DynamoGroupChats groupChats;
    private final DynamoReach reach;
    private final GroupSendItems groupSends;
    private final Counters counters;
    private final Purge purge;

    DynamoHousekeeping(DynamoUsers users, DynamoShares shares, DynamoWatches watches, DynamoOutbox outbox,
                       DynamoChoices choices, DynamoDrafts drafts, DynamoInvites invites, DynamoPreferences preferences,
                       DynamoGroups groups, DynamoGroupChats groupChats, DynamoReach reach,
                       GroupSendItems groupSends, Counters counters, Purge purge) {
        this.users = users;
        this.shares = shares;
        this.watches = watches;
        this.outbox = outbox;
        this.choices = choices;
        this.drafts = drafts;
        this.invites = invites;
        this.preferences = preferences;
        this.groups = groups;
        this.groupChats = groupChats;
        this.reach = reach;
        this.groupSends = groupSends;
        this.counters = counters;
        this.purge = purge;
    }

    /**
     * Deletes the person's groups, memberships, group chats they are counted in for, whether they could be reached,
     * group sends, shares, watch, held messages, unfinished share, invites sent, choices about senders and counters,
     * then their user, then their open question: DynamoDB has no transaction across that many items, so if this stops
     * half way the person is still registered, with their {@code forget_me} question still open, and the
     * confirmation handled again (or sent again) finishes it. A question left once the user is gone is purged when it
     * expires.
     */
    @Override
    public void forgetPerson(ChatAddress person) {
        groups.forget(person);
        groupChats.forget(person);
        reach.forget(person);
        groupSends.deleteOf(person);
        shares.deleteSharesOf(person);
        watches.deleteWatch(person);
        outbox.deleteFor(person);
        drafts.deleteDraft(person);
        invites.deleteSentBy(person);
        invites.deleteEndedOf(person);
        preferences.delete(person);
        counters.delete(person);
        users.deleteUser(person);
        choices.delete(person);
    }

    @Override
    public void purgeBefore(Instant cutoff) {
        purge.before(cutoff);
    }
}
