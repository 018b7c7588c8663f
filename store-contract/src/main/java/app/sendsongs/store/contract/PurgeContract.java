package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.bot.Housekeeping;
import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.share.PendingChoice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Housekeeping#purgeBefore}: expired leftovers go, everything still live stays. */
public abstract class PurgeContract extends StoreFixture {

    @Test
    void expiredUsedValuesCodesAndQuestionsGoAndLiveOnesStay() {
        registrations.useOnce("state:old", minutes(10));
        registrations.useOnce("state:live", minutes(30));
        registrations.saveRegistrationCode(new RegistrationCode("OLDC-ODE1", Samples.connection("old"), minutes(15)));
        registrations.saveRegistrationCode(new RegistrationCode("LIVE-CODE", Samples.connection("live"), minutes(25)));
        choices.saveChoice(new PendingChoice(at("alice"), "old", List.of(at("x"), at("y")), minutes(10)));
        choices.saveChoice(new PendingChoice(at("bob"), "live", List.of(at("x"), at("y")), minutes(30)));

        housekeeping.purgeBefore(minutes(20));

        assertThat(registrations.useOnce("state:old", minutes(40))).as("forgotten").isTrue();
        assertThat(registrations.useOnce("state:live", minutes(40))).as("still known").isFalse();
        assertThat(registrations.claimRegistrationCode("OLDC-ODE1", "reader")).isEmpty();
        assertThat(registrations.claimRegistrationCode("LIVE-CODE", "reader")).isPresent();
        assertThat(choices.takeChoice(at("alice"))).isEmpty();
        assertThat(choices.takeChoice(at("bob"))).isPresent();
    }

    @Test
    void handledMarksKeptUntilBeforeTheCutoffAreForgottenAndLaterOnesKept() {
        inbound.markHandled("messenger:mid.old", minutes(10));
        inbound.markHandled("messenger:mid.edge", minutes(20));
        inbound.markHandled("messenger:mid.new", minutes(30));

        housekeeping.purgeBefore(minutes(20));

        assertThat(inbound.handled("messenger:mid.old")).isFalse();
        assertThat(inbound.handled("messenger:mid.edge")).isTrue();
        assertThat(inbound.handled("messenger:mid.new")).isTrue();
    }

    @Test
    void marksCarryingAValueAreForgottenAsOtherMarksAre() {
        inbound.markHandled("messenger:mid.old kept", "3", minutes(10));
        inbound.markHandled("messenger:mid.edge kept", "4", minutes(20));
        inbound.markHandled("messenger:mid.new kept", "5", minutes(30));

        housekeeping.purgeBefore(minutes(20));

        assertThat(inbound.handled("messenger:mid.old kept")).isFalse();
        assertThat(inbound.markedValue("messenger:mid.old kept")).isEmpty();
        assertThat(inbound.markedValue("messenger:mid.edge kept")).contains("4");
        assertThat(inbound.markedValue("messenger:mid.new kept")).contains("5");
    }

    @Test
    void idsOfMessagesThatLeftTheOutboxAreForgottenOnceKeptLongEnough() {
        HeldMessage old = Samples.held("old", "alice", minutes(0));
        HeldMessage recent = Samples.held("new", "alice", minutes(0));
        outbox.holdNew(List.of(old, recent));
        outbox.releaseHeldMessage(old, minutes(10), Optional.of("101"));
        outbox.releaseHeldMessage(recent, minutes(30), Optional.of("102"));

        housekeeping.purgeBefore(minutes(20));

        assertThat(outbox.sentAs("old")).isEmpty();
        assertThat(outbox.sentAs("new")).contains("102");
        assertThat(outbox.holdNew(List.of(Samples.held("old", "alice", minutes(21))))).hasSize(1);
        assertThat(outbox.holdNew(List.of(Samples.held("new", "alice", minutes(21))))).isEmpty();
    }

    @Test
    void heldMessagesAreNotPurged() {
        outbox.holdNew(List.of(Samples.held("waiting", "alice", minutes(0))));

        housekeeping.purgeBefore(minutes(60 * 24 * 30));

        assertThat(outbox.heldMessagesFor(Samples.at("alice"))).hasSize(1);
    }

    @Test
    void somethingExpiringExactlyAtTheCutoffStays() {
        registrations.useOnce("edge", minutes(20));

        housekeeping.purgeBefore(minutes(20));

        assertThat(registrations.useOnce("edge", minutes(40))).isFalse();
    }
}
