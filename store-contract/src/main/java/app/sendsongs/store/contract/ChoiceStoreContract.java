package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ChoiceStore}: at most one open question per person, taken at most once. */
public abstract class ChoiceStoreContract extends StoreFixture {

    @Test
    void nobodyHasAnOpenQuestionAtFirst() {
        assertThat(store.takeChoice("alice")).isEmpty();
    }

    @Test
    void savedChoiceIsTakenOnceWithCandidatesInOrder() {
        PendingChoice choice = new PendingChoice("alice", "send_song name:\"Bob Fisher\" spotify:track:x",
                List.of("bob-2", "bob-1", "bob-3"), minutes(10));
        store.saveChoice(choice);

        assertThat(store.takeChoice("alice")).contains(choice);
        assertThat(store.takeChoice("alice")).isEmpty();
    }

    @Test
    void savingAgainReplacesThePersonsQuestion() {
        store.saveChoice(new PendingChoice("alice", "first", List.of("bob-1", "bob-2"), minutes(10)));
        PendingChoice second = new PendingChoice("alice", "second", List.of("carol-1", "carol-2"), minutes(20));

        store.saveChoice(second);

        assertThat(store.takeChoice("alice")).contains(second);
        assertThat(store.takeChoice("alice")).isEmpty();
    }

    @Test
    void eachPersonHasTheirOwnQuestion() {
        PendingChoice alices = new PendingChoice("alice", "a", List.of("x", "y"), minutes(10));
        PendingChoice bobs = new PendingChoice("bob", "b", List.of("y", "x"), minutes(11));
        store.saveChoice(alices);
        store.saveChoice(bobs);

        assertThat(store.takeChoice("alice")).contains(alices);
        assertThat(store.takeChoice("bob")).contains(bobs);
    }

    @Test
    void concurrentTakersGetTheQuestionOnce() {
        store.saveChoice(new PendingChoice("alice", "raced", List.of("x", "y"), minutes(10)));

        List<Optional<PendingChoice>> taken = Race.run(16, i -> store.takeChoice("alice"));

        assertThat(taken).filteredOn(Optional::isPresent).hasSize(1);
    }
}
