package app.sendsongs.bench.load;

import app.sendsongs.bench.load.Population.Person;
import app.sendsongs.bench.load.Workload.Event;
import app.sendsongs.bench.load.Workload.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, from everything the bot sent (the Graph emulator's inboxes), that every message of a load
 * phase was handled exactly once: each person got one answer per message they sent, of the right
 * kind and in the order they sent them, and each song reached each of its receivers exactly once
 * (found by the index its {@code pre} note carries).
 */
public final class Reconciliation {
    private static final Pattern TOKEN = Pattern.compile("ev-(\\d+)-");
    private static final String DELIVERY_START = "🎵 ";
    /** How many examples of what went wrong an outcome keeps, to show where to look. */
    private static final int MOST_EXAMPLES = 12;

    /**
     * The counts; every one but {@code messages}, {@code answered}, {@code songs} and
     * {@code songsDelivered} must be zero. A song is one delivery to one receiver.
     */
    public record Outcome(int messages, int answered, int lostAnswers, int duplicateAnswers, int outOfOrder,
                   int unrecognised, int songs, int songsDelivered, int lostSongs, int duplicateSongs,
                   int misdelivered, List<String> examples) {
        public Outcome {
            examples = List.copyOf(examples);
        }

        public boolean exactlyOnce() {
            return lostAnswers == 0 && duplicateAnswers == 0 && outOfOrder == 0 && unrecognised == 0 && lostSongs == 0
                    && duplicateSongs == 0 && misdelivered == 0 && answered == messages && songsDelivered == songs;
        }
    }

    private Reconciliation() {
    }

    /**
     * @param events   every distinct message sent in the phase
     * @param baseline each person's inbox size before the phase (their earlier messages are not looked at)
     * @param inboxes  every inbox after the phase
     */
    public static Outcome check(List<Event> events, Map<String, Integer> baseline, Map<String, List<String>> inboxes) {
        Map<String, List<Kind>> expected = expectedKinds(events);
        Map<Integer, List<String>> deliveredTo = new HashMap<>();
        List<String> examples = new ArrayList<>();
        AnswerCount answers = new AnswerCount(examples);
        Set<String> people = new TreeSet<>(inboxes.keySet());
        people.addAll(expected.keySet());
        for (String psid : people) {
            List<String> messages = inboxes.getOrDefault(psid, List.of());
            List<String> phase = messages.subList(Math.min(messages.size(), baseline.getOrDefault(psid, 0)),
                    messages.size());
            answers.add(psid, expected.getOrDefault(psid, List.of()), answersNoting(psid, phase, deliveredTo));
        }
        SongCount songs = new SongCount(examples);
        events.forEach(event -> songs.add(event, deliveredTo.getOrDefault(event.index(), List.of())));
        return new Outcome(events.size(), answers.answered, answers.lost, answers.duplicated, answers.outOfOrder,
                answers.unrecognised, songs.songs, songs.delivered, songs.lost, songs.duplicated, songs.misdelivered,
                examples);
    }

    /** The kinds of answer each person should get, in the order they sent their messages. */
    private static Map<String, List<Kind>> expectedKinds(List<Event> events) {
        Map<String, List<Kind>> expected = new HashMap<>();
        events.stream().sorted(Comparator.comparingInt(Event::index))
                .forEach(e -> expected.computeIfAbsent(e.sender().psid(), k -> new ArrayList<>()).add(e.kind()));
        return expected;
    }

    /**
     * The answers among a person's messages; each song delivered among them is noted in {@code deliveredTo} under
     * the index of the message that sent it.
     */
    private static List<String> answersNoting(String psid, List<String> messages,
                                              Map<Integer, List<String>> deliveredTo) {
        List<String> answers = new ArrayList<>();
        for (String text : messages) {
            if (text.startsWith(DELIVERY_START)) {
                Matcher token = TOKEN.matcher(text);
                if (token.find()) {
                    deliveredTo.computeIfAbsent(Integer.parseInt(token.group(1)), k -> new ArrayList<>()).add(psid);
                    continue;
                }
            }
            answers.add(text);
        }
        return answers;
    }

    /** The answers' counts, person by person. */
    private static final class AnswerCount {
        private final List<String> examples;
        private int answered;
        private int lost;
        private int duplicated;
        private int outOfOrder;
        private int unrecognised;

        AnswerCount(List<String> examples) {
            this.examples = examples;
        }

        void add(String psid, List<Kind> wanted, List<String> answers) {
            int inOrder = inOrderMatches(wanted, answers);
            answered += Math.min(wanted.size(), answers.size());
            lost += Math.max(0, wanted.size() - answers.size());
            duplicated += Math.max(0, answers.size() - wanted.size());
            outOfOrder += Math.min(wanted.size(), answers.size()) - inOrder;
            List<String> strange = answers.stream().filter(a -> Arrays.stream(Kind.values())
                    .noneMatch(kind -> kind.answers(a))).toList();
            unrecognised += strange.size();
            strange.forEach(text -> example(examples, "answer of no known kind to " + psid + ": " + text));
            if (answers.size() > wanted.size()) {
                example(examples, psid + " got " + answers.size() + " answers to " + wanted.size() + " messages; "
                        + "repeated: " + repeated(answers));
            }
        }
    }

    /** The songs' counts, message by message: one song is one delivery to one receiver. */
    private static final class SongCount {
        private final List<String> examples;
        private int songs;
        private int delivered;
        private int lost;
        private int duplicated;
        private int misdelivered;

        SongCount(List<String> examples) {
            this.examples = examples;
        }

        /** @param to everyone the song of {@code event} reached, once a copy */
        void add(Event event, List<String> to) {
            Set<String> receivers = new TreeSet<>();
            for (Person receiver : event.receivers()) {
                receivers.add(receiver.psid());
                addCopies(event, receiver, to.stream().filter(receiver.psid()::equals).count());
            }
            misdelivered += (int) to.stream().filter(psid -> !receivers.contains(psid)).count();
        }

        private void addCopies(Event event, Person receiver, long copies) {
            songs++;
            if (copies == 0) {
                lost++;
                example(examples, "song " + event.index() + " (" + event.kind() + ") never reached "
                        + receiver.psid());
            } else {
                delivered++;
                duplicated += (int) copies - 1;
                if (copies > 1) {
                    example(examples, "song " + event.index() + " (" + event.kind() + ") reached "
                            + receiver.psid() + " " + copies + " times");
                }
            }
        }
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < MOST_EXAMPLES) {
            examples.add(example.length() > 300 ? example.substring(0, 300) + "…" : example);
        }
    }

    /** The answers that came more than once, or all of them when none repeats word for word. */
    private static List<String> repeated(List<String> answers) {
        List<String> twice = answers.stream().filter(a -> answers.indexOf(a) != answers.lastIndexOf(a)).distinct()
                .toList();
        return twice.isEmpty() ? answers : twice;
    }

    /** Each person's inbox size: the baseline of a phase, whose messages come after it. */
    public static Map<String, Integer> inboxSizes(Map<String, List<String>> inboxes) {
        Map<String, Integer> sizes = new HashMap<>();
        inboxes.forEach((psid, texts) -> sizes.put(psid, texts.size()));
        return sizes;
    }

    /** How many answers fit the expected kinds in order: the longest common subsequence of the two. */
    private static int inOrderMatches(List<Kind> wanted, List<String> answers) {
        int[][] best = new int[wanted.size() + 1][answers.size() + 1];
        for (int i = 1; i <= wanted.size(); i++) {
            for (int j = 1; j <= answers.size(); j++) {
                best[i][j] = wanted.get(i - 1).answers(answers.get(j - 1)) ? best[i - 1][j - 1] + 1
                        : Math.max(best[i - 1][j], best[i][j - 1]);
            }
        }
        return best[wanted.size()][answers.size()];
    }
}
