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
        Map<String, List<Kind>> expected = new HashMap<>();
        events.stream().sorted(Comparator.comparingInt(Event::index))
                .forEach(e -> expected.computeIfAbsent(e.sender().psid(), k -> new ArrayList<>()).add(e.kind()));
        Map<Integer, List<String>> deliveredTo = new HashMap<>();
        int answered = 0;
        int lost = 0;
        int duplicated = 0;
        int outOfOrder = 0;
        int unrecognised = 0;
        List<String> examples = new ArrayList<>();
        Set<String> people = new TreeSet<>(inboxes.keySet());
        people.addAll(expected.keySet());
        for (String psid : people) {
            List<String> messages = inboxes.getOrDefault(psid, List.of());
            List<String> answers = new ArrayList<>();
            for (String text : messages.subList(Math.min(messages.size(), baseline.getOrDefault(psid, 0)),
                    messages.size())) {
                if (text.startsWith(DELIVERY_START)) {
                    Matcher token = TOKEN.matcher(text);
                    if (token.find()) {
                        deliveredTo.computeIfAbsent(Integer.parseInt(token.group(1)), k -> new ArrayList<>()).add(psid);
                        continue;
                    }
                }
                answers.add(text);
            }
            List<Kind> wanted = expected.getOrDefault(psid, List.of());
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
        int songs = 0;
        int songsDelivered = 0;
        int lostSongs = 0;
        int duplicateSongs = 0;
        int misdelivered = 0;
        for (Event event : events) {
            List<String> to = deliveredTo.getOrDefault(event.index(), List.of());
            Set<String> receivers = new TreeSet<>();
            for (Person receiver : event.receivers()) {
                receivers.add(receiver.psid());
                long copies = to.stream().filter(receiver.psid()::equals).count();
                songs++;
                if (copies == 0) {
                    lostSongs++;
                    example(examples, "song " + event.index() + " (" + event.kind() + ") never reached "
                            + receiver.psid());
                } else {
                    songsDelivered++;
                    duplicateSongs += (int) copies - 1;
                    if (copies > 1) {
                        example(examples, "song " + event.index() + " (" + event.kind() + ") reached "
                                + receiver.psid() + " " + copies + " times");
                    }
                }
            }
            misdelivered += (int) to.stream().filter(psid -> !receivers.contains(psid)).count();
        }
        return new Outcome(events.size(), answered, lost, duplicated, outOfOrder, unrecognised, songs, songsDelivered,
                lostSongs, duplicateSongs, misdelivered, examples);
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
