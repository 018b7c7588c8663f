package app.sendsongs.bench.load;

import app.sendsongs.bench.load.Population.Person;
import app.sendsongs.sandbox.WebhookSigner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The webhook POSTs of one load phase, signed and ready to send, and what the bot must answer to
 * each message. A person's messages always travel on the same connection, in order, so the order
 * in which the bot answers them can be checked. Some POSTs are sent twice (same bytes, same
 * {@code mid}s), as Messenger redelivers events: the bot must handle those once.
 */
public final class Workload {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PAGE_ID = "sandbox-page";
    public static final String LINK = "https://open.spotify.com/track/";

    /** What a message asks for, and how the bot's answer to it begins. */
    public enum Kind {
        /** Answered "Sent …", or, when the receiver's chat app refused the song for now, that it will be retried. */
        SEND_SONG("Sent ", "Their chat app didn't take "),
        /** {@code send_song group:...}; answered "Sent <title> to <group> (n people)." */
        GROUP_SEND("Sent "),
        HISTORY("Your latest songs:", "You haven't sent any songs yet."),
        HELP("Send Songs — share"),
        UNKNOWN_COMMAND("Sorry, I didn't understand that."),
        /** A song to a name nobody registered: the answer quotes the name, so it can be told from every other. */
        UNKNOWN_NAME("I don't know anyone called "),
        /** The songs one sent that are still open; a long list comes in several parts, to be joined first. */
        PENDING("Songs you sent that are being watched:", "Nothing pending:");

        private final List<String> answerStarts;

        Kind(String... answerStarts) {
            this.answerStarts = List.of(answerStarts);
        }

        public boolean answers(String text) {
            return answerStarts.stream().anyMatch(text::startsWith);
        }
    }

    /**
     * One message a person sends; a song carries its index in its {@code pre} note, so its delivery
     * to each of its {@code receivers} (one, or every other member of a group) can be found.
     */
    public record Event(int index, Person sender, Kind kind, List<Person> receivers, String mid, String text) {
        public Event {
            receivers = List.copyOf(receivers);
        }

        public static String token(int index) {
            return "ev-" + index + "-";
        }
    }

    /** One POST: the whole request, its body, the messages it carries, and whether it repeats an earlier POST. */
    public record Request(byte[] bytes, byte[] body, List<Event> events, boolean redelivery) {
    }

    private final List<Event> events;
    private final List<List<Request>> connections;
    private final LoadPlatform platform;

    private Workload(List<Event> events, List<List<Request>> connections, LoadPlatform platform) {
        this.events = List.copyOf(events);
        this.connections = connections;
        this.platform = platform;
    }

    /** Distinct messages (redeliveries not counted), in the order they were made. */
    List<Event> events() {
        return events;
    }

    long songs() {
        return events.stream().filter(e -> e.kind() == Kind.SEND_SONG).count();
    }

    int requests() {
        return connections.stream().mapToInt(List::size).sum();
    }

    int redeliveries() {
        return (int) connections.stream().flatMap(List::stream).filter(Request::redelivery).count();
    }

    List<Request> allRequests() {
        return connections.stream().flatMap(List::stream).toList();
    }

    List<List<byte[]>> requestBytes() {
        return connections.stream().map(requests -> requests.stream().map(Request::bytes).toList()).toList();
    }

    /** Messages the bot sends for this workload: one answer per message, plus each song's delivery. */
    long expectedOutbound() {
        return events.size() + platform.messagesPerSong() * songs();
    }

    /**
     * What the server a workload is sent to is configured with: the highest sending limits the configuration takes,
     * far above what a load sends, since a load is no flood to refuse.
     */
    public static final Map<String, String> UNLIMITED_SENDING = Map.of("SEND_LIMIT_PER_HOUR", "65535",
            "SEND_LIMIT_PER_FRIEND_PER_DAY", "65535");

    /**
     * The emulated Send API's calls a second per page, and a day per engaged person, while a workload runs, far above
     * Messenger's 300 and 200: a load or crash run puts days of a crowd's messages into minutes and measures the
     * server, not Messenger's limits, which a real page would meet first (the server's backoff at them is tested on
     * its own).
     */
    public static final int UNLIMITED_SEND_API = 1_000_000;

    /**
     * A mix of messages from random people: {@code songShare} of them {@code send_song} to another
     * random person, the rest split between {@code history}, {@code help} and an unknown command. A song is never
     * one the sender already sent that person ({@code songsSent}, kept across calls): the bot would answer "already
     * sent".
     */
    public static List<Event> mixed(List<Person> people, List<String> trackIds, int count, double songShare, int firstIndex,
                             Random random, Set<String> songsSent) {
        return mixed(LoadPlatform.MESSENGER, people, trackIds, count, songShare, firstIndex, random, songsSent);
    }

    /** As {@link #mixed(List, List, int, double, int, Random, Set)}, the commands as people type them on {@code platform}. */
    static List<Event> mixed(LoadPlatform platform, List<Person> people, List<String> trackIds, int count,
                             double songShare, int firstIndex, Random random, Set<String> songsSent) {
        if (people.size() < 2) {
            throw new IllegalArgumentException("sending songs needs at least two people");
        }
        List<Event> events = new ArrayList<>(count);
        for (int i = firstIndex; i < firstIndex + count; i++) {
            Person sender = people.get(random.nextInt(people.size()));
            double roll = random.nextDouble();
            if (roll < songShare) {
                Person receiver = people.get(random.nextInt(people.size() - 1));
                receiver = receiver.number() >= sender.number() ? people.get(receiver.number() + 1) : receiver;
                String track = unsentTrack(sender, List.of(receiver), trackIds, random, songsSent);
                events.add(new Event(i, sender, Kind.SEND_SONG, List.of(receiver), "m-load-" + i,
                        platform.command("send_song") + " name:\"" + receiver.name() + "\" pre:\"" + Event.token(i)
                                + "\" " + LINK + track));
            } else {
                Kind kind = List.of(Kind.HISTORY, Kind.HELP, Kind.UNKNOWN_COMMAND).get(random.nextInt(3));
                String text = switch (kind) {
                    case HISTORY -> platform.command("history");
                    case HELP -> platform.command("help");
                    default -> "good morning!";
                };
                events.add(new Event(i, sender, kind, List.of(), "m-load-" + i, text));
            }
        }
        return events;
    }

    /**
     * A track {@code sender} has not sent any of {@code receivers} yet, recorded as sent to them all. The catalogue
     * has enough tracks for the benchmarks' people; with none left, a repeat is a bug of the workload, not the bot's.
     */
    public static String unsentTrack(Person sender, List<Person> receivers, List<String> trackIds, Random random,
                                     Set<String> songsSent) {
        for (int attempt = 0; attempt < trackIds.size() * 4; attempt++) {
            String track = trackIds.get(random.nextInt(trackIds.size()));
            if (receivers.stream().noneMatch(r -> songsSent.contains(sender.psid() + "/" + r.psid() + "/" + track))) {
                receivers.forEach(r -> songsSent.add(sender.psid() + "/" + r.psid() + "/" + track));
                return track;
            }
        }
        throw new IllegalStateException("no track left that " + sender.psid() + " has not sent these people");
    }

    /** One {@code help} from each person. */
    static List<Event> helpFromEach(LoadPlatform platform, List<Person> people, int firstIndex, String midPrefix) {
        List<Event> events = new ArrayList<>(people.size());
        for (Person person : people) {
            int index = firstIndex + events.size();
            events.add(new Event(index, person, Kind.HELP, List.of(), midPrefix + index, platform.command("help")));
        }
        return events;
    }

    /**
     * Packs the events into the platform's webhook POSTs of up to {@code batch} messages, a person's
     * always on the same one of {@code connectionCount} connections; about {@code redeliveryShare} of
     * the POSTs are sent a second time later on their connection.
     */
    static Workload of(List<Event> events, int connectionCount, int batch, double redeliveryShare,
                       LoadPlatform platform, String host, Random random) {
        List<List<Event>> byConnection = new ArrayList<>();
        for (int i = 0; i < connectionCount; i++) {
            byConnection.add(new ArrayList<>());
        }
        events.forEach(e -> byConnection.get(e.sender().number() % connectionCount).add(e));
        List<List<Request>> connections = new ArrayList<>();
        for (List<Event> mine : byConnection) {
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < mine.size(); i += batch) {
                List<Event> together = List.copyOf(mine.subList(i, Math.min(mine.size(), i + batch)));
                requests.add(platform.request(together, host));
            }
            List<Request> withRepeats = new ArrayList<>(requests);
            for (Request request : requests) {
                if (random.nextDouble() < redeliveryShare) {
                    int after = withRepeats.indexOf(request) + 1;
                    int at = after + random.nextInt(withRepeats.size() - after + 1);
                    withRepeats.add(at, new Request(request.bytes(), request.body(), request.events(), true));
                }
            }
            connections.add(withRepeats);
        }
        return new Workload(events, connections, platform);
    }

    /**
     * The same bodies, unsigned, to the demo's bare {@code POST /bench/ok} on the same connections:
     * the ceiling the webhook is measured against.
     */
    List<List<byte[]>> ceilingRequests(String host) {
        return connections.stream().map(requests -> requests.stream().filter(r -> !r.redelivery())
                .map(r -> LoopbackHttp.post(host, "/bench/ok", "application/json", r.body())).toList()).toList();
    }

    /** A signed webhook POST to {@code host} carrying {@code entries}, each a list of messages. */
    public static Request signedPost(List<List<Event>> entries, WebhookSigner signer, String host) {
        byte[] body = body(entries);
        return new Request(LoopbackHttp.post(host, "/webhook", "application/json", body, WebhookSigner.HEADER,
                signer.sign(body)), body, entries.stream().flatMap(List::stream).toList(), false);
    }

    /** The body as Messenger would send it: the entries, each holding its messages. */
    private static byte[] body(List<List<Event>> entries) {
        long now = System.currentTimeMillis();
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "page");
        ArrayNode entryArray = root.putArray("entry");
        for (List<Event> events : entries) {
            ObjectNode entry = entryArray.addObject();
            entry.put("id", PAGE_ID);
            entry.put("time", now);
            ArrayNode messaging = entry.putArray("messaging");
            for (Event event : events) {
                ObjectNode item = messaging.addObject();
                item.putObject("sender").put("id", event.sender().psid());
                item.putObject("recipient").put("id", PAGE_ID);
                item.put("timestamp", now);
                item.putObject("message").put("mid", event.mid()).put("text", event.text());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
