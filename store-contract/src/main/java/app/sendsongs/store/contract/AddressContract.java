package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static app.sendsongs.store.contract.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * People are kept by their whole {@link ChatAddress}: the same id on two platforms is two people in
 * every part of the store, and every valid address comes back exactly as saved, also one whose id
 * has a ':' in it or whose platform the store has never seen.
 */
public abstract class AddressContract extends StoreFixture {
    private static final ChatAddress ON_MESSENGER = at("42");
    private static final ChatAddress ON_TELEGRAM = onTelegram("42");

    @Test
    void theSameIdOnTwoPlatformsIsTwoUsers() {
        User ann = user(ON_MESSENGER, "Ann Lee", T0);
        User ben = user(ON_TELEGRAM, "Ben Lee", minutes(1));
        users.saveUser(ann);
        users.saveUser(ben);

        users.saveLastMessageAt(ON_TELEGRAM, minutes(5));
        users.deleteUser(ON_MESSENGER);

        assertThat(users.findUser(ON_MESSENGER)).isEmpty();
        assertThat(users.findUser(ON_TELEGRAM)).contains(ben.withLastMessageAt(minutes(5)));
    }

    @Test
    void everyValidAddressComesBackAsSaved() {
        List<ChatAddress> addresses = List.of(new ChatAddress(Platform.MESSENGER, "telegram:42"),
                new ChatAddress(Platform.TELEGRAM, "-100:7"), new ChatAddress(new Platform("test-chat_2"), "x:y:z"),
                ON_TELEGRAM);
        for (int i = 0; i < addresses.size(); i++) {
            users.saveUser(user(addresses.get(i), "Same Name", minutes(i)));
        }

        for (ChatAddress address : addresses) {
            assertThat(users.findUser(address)).map(User::address).contains(address);
        }
        assertThat(users.findUsersByName("same name")).extracting(User::address)
                .containsExactlyElementsOf(addresses);
        assertThat(users.findUser(ChatAddress.messenger("-100:7"))).isEmpty();
    }

    @Test
    void sharesWatchesAndQuestionsAreKeptPerAddress() {
        Share toTelegram = Samples.heldShare("s-1", ON_MESSENGER, ON_TELEGRAM, T0).delivered(minutes(1),
                minutes(10_081));
        shares.insertShare(toTelegram);
        watches.scheduleWatch(ON_TELEGRAM, minutes(5), T0);
        PendingChoice question = new PendingChoice(ON_TELEGRAM, "send_song ...", List.of(ON_MESSENGER,
                new ChatAddress(Platform.MESSENGER, "telegram:42")), minutes(10));
        choices.saveChoice(question);

        assertThat(shares.sharesSentBy(ON_MESSENGER)).containsExactly(toTelegram);
        assertThat(shares.sharesSentBy(ON_TELEGRAM)).isEmpty();
        assertThat(shares.sharesWatchedFor(ON_TELEGRAM)).containsExactly(toTelegram);
        assertThat(shares.openSharesTo(ON_MESSENGER)).isEmpty();
        assertThat(watches.findWatch(ON_MESSENGER)).isEmpty();
        assertThat(watches.findWatch(ON_TELEGRAM).orElseThrow().receiver()).isEqualTo(ON_TELEGRAM);
        assertThat(watches.claimDueWatches(minutes(5), 10, minutes(7))).extracting(Watch::receiver)
                .containsExactly(ON_TELEGRAM);
        assertThat(choices.openChoice(ON_MESSENGER)).isEmpty();
        assertThat(choices.openChoice(ON_TELEGRAM)).contains(question);
        assertThat(choices.takeChoice(ON_MESSENGER)).isEmpty();
        assertThat(choices.takeChoice(ON_TELEGRAM)).contains(question);
    }

    @Test
    void groupsKeepTheirMembersPlatformsAndTieByAddressKey() {
        Group band = new Group("g-1", ON_TELEGRAM, "Band", T0);
        groups.createGroup(band);
        groups.addMember(new GroupMember("g-1", ON_MESSENGER, minutes(1)));
        groups.addMember(new GroupMember("g-1", onTelegram("41"), minutes(1)));

        assertThat(groups.findGroup("g-1")).contains(band);
        assertThat(groups.membersOf("g-1")).extracting(GroupMember::member)
                .containsExactly(ON_TELEGRAM, ON_MESSENGER, onTelegram("41"));
        assertThat(groups.groupsOf(ON_MESSENGER)).containsExactly(band);
        assertThat(groups.removeMember("g-1", at("41"))).isFalse();
        assertThat(groups.createGroup(new Group("g-2", ON_MESSENGER, "Band", minutes(2)))).isTrue();
    }

    @Test
    void forgettingOneAddressLeavesTheSameIdOnAnotherPlatform() {
        users.saveUser(user(ON_MESSENGER, "Ann Lee", T0));
        User ben = user(ON_TELEGRAM, "Ben Lee", T0);
        users.saveUser(ben);
        Share toBen = Samples.heldShare("s-1", at("carol"), ON_TELEGRAM, T0);
        shares.insertShare(toBen);
        watches.scheduleWatch(ON_TELEGRAM, minutes(5), T0);

        housekeeping.forgetPerson(ON_MESSENGER);

        assertThat(users.findUser(ON_TELEGRAM)).contains(ben);
        assertThat(shares.findShare("s-1")).contains(toBen);
        assertThat(watches.findWatch(ON_TELEGRAM)).isPresent();
    }
}
