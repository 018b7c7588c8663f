package app.sendsongs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.bench.load.Population.Person;
import app.sendsongs.bench.load.Workload.Event;
import app.sendsongs.bench.load.Workload.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconciliation finds every way handling can go wrong, and nothing when it went right. */
class ReconciliationTest {
    private static final Person ANN = new Person(0, "load-0", "Listener 0");
    private static final Person BEN = new Person(1, "load-1", "Listener 1");
    private static final List<Event> EVENTS = List.of(
            new Event(0, ANN, Kind.SEND_SONG, List.of(BEN), "m-0", "send_song ..."),
            new Event(1, ANN, Kind.HELP, List.of(), "m-1", "help"),
            new Event(2, BEN, Kind.HISTORY, List.of(), "m-2", "history"));
    private static final String SENT = "Sent Ferris Wheel in February to Listener 1.";
    private static final String HELP = "Send Songs — share Spotify songs and hear when friends play them.";
    private static final String SONG = "🎵 Listener 0 sent you a song: Ferris Wheel\n“ev-0-”\nhttps://open.spotify.com/track/x";
    private static final String HISTORY = "Your latest songs:\n• ...";
    private static final Map<String, Integer> FROM_START = Map.of();

    @Test
    void everythingOnceAndInOrderIsClean() {
        Reconciliation.Outcome outcome = check(List.of(SENT, HELP), List.of(SONG, HISTORY));

        assertThat(outcome.exactlyOnce()).isTrue();
        assertThat(outcome.answered()).isEqualTo(3);
        assertThat(outcome.songsDelivered()).isEqualTo(1);
    }

    @Test
    void messagesBeforeTheBaselineAreNotLookedAt() {
        Reconciliation.Outcome outcome = Reconciliation.check(EVENTS, Map.of("load-0", 1, "load-1", 1),
                Map.of("load-0", List.of("Welcome, Listener 0!", SENT, HELP), "load-1",
                        List.of("Welcome, Listener 1!", SONG, HISTORY)));

        assertThat(outcome.exactlyOnce()).isTrue();
    }

    @Test
    void aMissingAnswerIsLost() {
        Reconciliation.Outcome outcome = check(List.of(SENT), List.of(SONG, HISTORY));

        assertThat(outcome.lostAnswers()).isEqualTo(1);
        assertThat(outcome.exactlyOnce()).isFalse();
    }

    @Test
    void aSecondAnswerOrASecondDeliveryIsADuplicate() {
        assertThat(check(List.of(SENT, HELP, HELP), List.of(SONG, HISTORY)).duplicateAnswers()).isEqualTo(1);
        Reconciliation.Outcome twice = check(List.of(SENT, HELP), List.of(SONG, SONG, HISTORY));
        assertThat(twice.duplicateSongs()).isEqualTo(1);
        assertThat(twice.exactlyOnce()).isFalse();
    }

    @Test
    void answersInAnotherOrderAreOutOfOrder() {
        Reconciliation.Outcome outcome = check(List.of(HELP, SENT), List.of(SONG, HISTORY));

        assertThat(outcome.outOfOrder()).isEqualTo(1);
        assertThat(outcome.exactlyOnce()).isFalse();
    }

    @Test
    void aSongNeverDeliveredOrDeliveredToSomeoneElseIsCounted() {
        assertThat(check(List.of(SENT, HELP), List.of(HISTORY)).lostSongs()).isEqualTo(1);
        List<String> annGotIt = new ArrayList<>(List.of(SENT, SONG, HELP));
        Reconciliation.Outcome wrong = check(annGotIt, List.of(HISTORY));
        assertThat(wrong.misdelivered()).isEqualTo(1);
        assertThat(wrong.exactlyOnce()).isFalse();
    }

    @Test
    void anAnswerOfNoKnownKindIsUnrecognised() {
        Reconciliation.Outcome outcome = check(List.of(SENT, "Something nobody asked for."), List.of(SONG, HISTORY));

        assertThat(outcome.unrecognised()).isEqualTo(1);
        assertThat(outcome.exactlyOnce()).isFalse();
    }

    @Test
    void aGroupSongIsOneSongPerReceiverEachDeliveredOnce() {
        Person cat = new Person(2, "load-2", "Listener 2");
        String groupSong = "🎵 Listener 0 sent a song to Crew: Ferris Wheel\n“ev-7-”\nhttps://open.spotify.com/track/x";
        List<Event> events = List.of(new Event(7, ANN, Kind.GROUP_SEND, List.of(BEN, cat), "m-7", "send_song group:..."));

        Reconciliation.Outcome once = Reconciliation.check(events, FROM_START, Map.of("load-0",
                List.of("Sent Ferris Wheel to Crew (2 people)."), "load-1", List.of(groupSong), "load-2", List.of(groupSong)));
        Reconciliation.Outcome catTwiceBenNever = Reconciliation.check(events, FROM_START, Map.of("load-0",
                List.of("Sent Ferris Wheel to Crew (2 people)."), "load-2", List.of(groupSong, groupSong)));

        assertThat(once.exactlyOnce()).isTrue();
        assertThat(once.songs()).isEqualTo(2);
        assertThat(catTwiceBenNever.lostSongs()).isEqualTo(1);
        assertThat(catTwiceBenNever.duplicateSongs()).isEqualTo(1);
        assertThat(catTwiceBenNever.misdelivered()).isZero();
    }

    private static Reconciliation.Outcome check(List<String> ann, List<String> ben) {
        return Reconciliation.check(EVENTS, FROM_START, Map.of("load-0", ann, "load-1", ben));
    }
}
