package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ChoiceStore}: at most one open question per person, read as often as needed, taken at most once. */
public abstract class ChoiceStoreContract extends StoreFixture {

    @Test
    void nobodyHasAnOpenQuestionAtFirst() {
        assertThat(choices.takeChoice(at("alice"))).isEmpty();
        assertThat(choices.openChoice(at("alice"))).isEmpty();
    }

    @Test
    void readingTheOpenQuestionLeavesItInPlace() {
        PendingChoice choice = new PendingChoice(at("alice"), "send_song name:\"Bob Fisher\" spotify:track:x",
                List.of(at("bob-2"), at("bob-1")), minutes(10));
        choices.saveChoice(choice);

        assertThat(choices.openChoice(at("alice"))).contains(choice);
        assertThat(choices.openChoice(at("alice"))).as("read again").contains(choice);
        assertThat(choices.takeChoice(at("alice"))).contains(choice);
        assertThat(choices.openChoice(at("alice"))).as("once taken").isEmpty();
    }

    @Test
    void readingSeesTheQuestionSavedLast() {
        PendingChoice confirm = new PendingChoice(at("alice"), "forget_me", List.of(), minutes(5));
        choices.saveChoice(new PendingChoice(at("alice"), "first", List.of(at("bob-1"), at("bob-2")), minutes(10)));
        assertThat(choices.openChoice(at("alice"))).isPresent();

        choices.saveChoice(confirm);

        assertThat(choices.openChoice(at("alice"))).contains(confirm);
        assertThat(choices.openChoice(at("bob"))).as("someone else's").isEmpty();
    }

    @Test
    void readersRacingATakerNeverSeeHalfAQuestionAndOnlyTheTakerGetsIt() {
        PendingChoice raced = new PendingChoice(at("alice"), "raced", List.of(at("x"), at("y")), minutes(10));
        choices.saveChoice(raced);

        List<Optional<PendingChoice>> results = Race.run(16, i -> i == 0 ? choices.takeChoice(at("alice"))
                : choices.openChoice(at("alice")));

        assertThat(results.getFirst()).contains(raced);
        assertThat(results).allSatisfy(result -> assertThat(result.orElse(raced)).isEqualTo(raced));
        assertThat(choices.takeChoice(at("alice"))).isEmpty();
    }

    @Test
    void savedChoiceIsTakenOnceWithCandidatesInOrder() {
        PendingChoice choice = new PendingChoice(at("alice"), "send_song name:\"Bob Fisher\" spotify:track:x",
                List.of(at("bob-2"), at("bob-1"), at("bob-3")), minutes(10));
        choices.saveChoice(choice);

        assertThat(choices.takeChoice(at("alice"))).contains(choice);
        assertThat(choices.takeChoice(at("alice"))).isEmpty();
    }

    @Test
    void aQuestionWithoutCandidatesComesBackAsSaved() {
        PendingChoice confirm = new PendingChoice(at("alice"), "forget_me", List.of(), minutes(5));
        choices.saveChoice(confirm);

        assertThat(choices.takeChoice(at("alice"))).contains(confirm);
    }

    /** What the pending list a person was last shown is kept as: "pending" and up to a thousand share ids. */
    @Test
    void aLongCommandTextWithoutCandidatesComesBackWhole() {
        String ids = String.join(" ", IntStream.range(0, 1000)
                .mapToObj(i -> new UUID(i, i).toString()).toList());
        PendingChoice shown = new PendingChoice(at("alice"), "pending " + ids, List.of(), minutes(30 * 24 * 60));
        choices.saveChoice(shown);

        assertThat(choices.takeChoice(at("alice"))).contains(shown);
    }

    @Test
    void savingAgainReplacesThePersonsQuestion() {
        choices.saveChoice(new PendingChoice(at("alice"), "first", List.of(at("bob-1"), at("bob-2")), minutes(10)));
        PendingChoice second = new PendingChoice(at("alice"), "second",
                List.of(at("carol-1"), at("carol-2")), minutes(20));

        choices.saveChoice(second);

        assertThat(choices.takeChoice(at("alice"))).contains(second);
        assertThat(choices.takeChoice(at("alice"))).isEmpty();
    }

    @Test
    void eachPersonHasTheirOwnQuestion() {
        PendingChoice alices = new PendingChoice(at("alice"), "a", List.of(at("x"), at("y")), minutes(10));
        PendingChoice bobs = new PendingChoice(at("bob"), "b", List.of(at("y"), at("x")), minutes(11));
        choices.saveChoice(alices);
        choices.saveChoice(bobs);

        assertThat(choices.takeChoice(at("alice"))).contains(alices);
        assertThat(choices.takeChoice(at("bob"))).contains(bobs);
    }

    @Test
    void concurrentTakersGetTheQuestionOnce() {
        choices.saveChoice(new PendingChoice(at("alice"), "raced", List.of(at("x"), at("y")), minutes(10)));

        List<Optional<PendingChoice>> taken = Race.run(16, i -> choices.takeChoice(at("alice")));

        assertThat(taken).filteredOn(Optional::isPresent).hasSize(1);
    }
}
