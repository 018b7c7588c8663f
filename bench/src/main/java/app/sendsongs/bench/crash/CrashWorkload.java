package app.sendsongs.bench.crash;

import app.sendsongs.bench.load.Population.Person;
import app.sendsongs.bench.load.Workload.Event;
import app.sendsongs.bench.load.Workload.Kind;
import app.sendsongs.bench.load.Workload.Request;
import app.sendsongs.bench.load.Workload;
import app.sendsongs.sandbox.WebhookSigner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The messages of a crash run, numbered across the whole run, and the signed POSTs that carry them:
 * single messages, and batches of several messages in one to three entries, as Messenger batches
 * them. A person's messages always travel on the same connection, in order.
 */
final class CrashWorkload {
    private static final int MOST_ENTRIES = 3;

    private final List<Person> people;
    private final List<Crew> crews;
    private final List<String> trackIds;
    private final CrashOptions options;
    private final WebhookSigner signer;
    private final String host;
    private final Random random;
    /** sender/receiver/track of every song made so far: none is made twice, or the bot would say "already sent". */
    private final Set<String> songsSent = new HashSet<>();
    private final List<Event> events = new ArrayList<>();

    CrashWorkload(List<Person> people, List<Crew> crews, List<String> trackIds, CrashOptions options,
                  WebhookSigner signer, String host, Random random) {
        this.people = List.copyOf(people);
        this.crews = List.copyOf(crews);
        this.trackIds = List.copyOf(trackIds);
        this.options = options;
        this.signer = signer;
        this.host = host;
        this.random = random;
    }

    /** Every message made so far. */
    List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * One burst of {@code options.messagesPerRound()} messages: group sends, songs to one person, and
     * {@code history}, {@code help} or an unknown command; packed into POSTs, by connection.
     */
    List<List<Request>> burst() {
        double songShareOfTheRest = options.groupShare() >= 1 ? 0 : options.songShare() / (1 - options.groupShare());
        List<Event> burst = new ArrayList<>();
        for (int i = 0; i < options.messagesPerRound(); i++) {
            int index = events.size() + burst.size();
            burst.add(random.nextDouble() < options.groupShare() ? groupSend(index)
                    : Workload.mixed(people, trackIds, 1, songShareOfTheRest, index, random, songsSent).getFirst());
        }
        events.addAll(burst);
        return packed(burst);
    }

    /** From each person, a song to a name nobody has: its answer quotes the name, so it shows they are all handled. */
    List<List<Request>> closing() {
        List<Event> closing = new ArrayList<>();
        for (Person person : people) {
            int index = events.size() + closing.size();
            closing.add(new Event(index, person, Kind.UNKNOWN_NAME, List.of(), "m-crash-" + index,
                    "send_song name:\"" + closingName(person) + "\" " + Workload.LINK + track()));
        }
        events.addAll(closing);
        return singles(closing);
    }

    /** From each of {@code senders}, {@code pending}: the bot's own list of their songs still open. */
    List<List<Request>> pending(List<Person> senders) {
        List<Event> asks = new ArrayList<>();
        for (Person sender : senders) {
            int index = events.size() + asks.size();
            asks.add(new Event(index, sender, Kind.PENDING, List.of(), "m-crash-" + index, "pending"));
        }
        events.addAll(asks);
        return singles(asks);
    }

    /** The name the closing message of {@code person} is sent to; the bot's answer quotes it. */
    static String closingName(Person person) {
        return "Closing " + person.number() + " end";
    }

    private Event groupSend(int index) {
        Crew crew = crews.get(random.nextInt(crews.size()));
        Person sender = crew.members().get(random.nextInt(crew.members().size()));
        String track = Workload.unsentTrack(sender, crew.receiversFrom(sender), trackIds, random, songsSent);
        return new Event(index, sender, Kind.GROUP_SEND, crew.receiversFrom(sender), "m-crash-" + index,
                "send_song group:\"" + crew.name() + "\" pre:\"" + Event.token(index) + "\" " + Workload.LINK + track);
    }

    private String track() {
        return trackIds.get(random.nextInt(trackIds.size()));
    }

    private List<List<Event>> byConnection(List<Event> burst) {
        List<List<Event>> connections = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            connections.add(new ArrayList<>());
        }
        burst.forEach(event -> connections.get(event.sender().number() % options.connections()).add(event));
        return connections;
    }

    private List<List<Request>> singles(List<Event> messages) {
        return byConnection(messages).stream()
                .map(mine -> mine.stream().map(event -> Workload.signedPost(List.of(List.of(event)), signer, host))
                        .toList())
                .toList();
    }

    private List<List<Request>> packed(List<Event> burst) {
        List<List<Request>> posts = new ArrayList<>();
        for (List<Event> mine : byConnection(burst)) {
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < mine.size(); ) {
                int size = Math.min(mine.size() - i, random.nextDouble() < options.batchedShare()
                        ? 2 + random.nextInt(options.maxBatch() - 1) : 1);
                requests.add(Workload.signedPost(entries(mine.subList(i, i + size)), signer, host));
                i += size;
            }
            posts.add(requests);
        }
        return posts;
    }

    /** The batch cut into one to three entries, in order. */
    private List<List<Event>> entries(List<Event> batch) {
        int count = 1 + random.nextInt(Math.min(MOST_ENTRIES, batch.size()));
        List<List<Event>> entries = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= count; i++) {
            int end = i == count ? batch.size() : start + 1 + random.nextInt(batch.size() - start - (count - i));
            entries.add(List.copyOf(batch.subList(start, end)));
            start = end;
        }
        return entries;
    }
}
