package app.sendsongs.bench.load;

import app.sendsongs.testsupport.SandboxControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load test's people, registered through the product's real flow: {@code /connect}, consent in
 * the emulated Spotify, {@code /callback}'s one-time code, then {@code register code:… name:…}
 * written through the emulated Messenger (which also opens each person's 24-hour window), or
 * {@code /register …} through the emulated Telegram (which starts each person's chat with the bot).
 */
public final class Population {
    /** One registered person; {@code number} is their index in the population. */
    public record Person(int number, String psid, String name) {
    }

    private Population() {
    }

    /** As {@link #register(SandboxControl, LoadPlatform, int, int, Duration)} on Messenger. */
    public static List<Person> register(SandboxControl sandbox, int size, int concurrency, Duration timeout) {
        return register(sandbox, LoadPlatform.MESSENGER, size, concurrency, timeout);
    }

    /** Registers {@code size} people on {@code platform}, {@code concurrency} at a time, and checks each was welcomed. */
    public static List<Person> register(SandboxControl sandbox, LoadPlatform platform, int size, int concurrency,
                                        Duration timeout) {
        List<Person> people = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            people.add(new Person(i, platform.psid(i), "Listener " + i));
        }
        long before = platform.delivered(sandbox);
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> registrations = new ArrayList<>();
            for (Person person : people) {
                registrations.add(pool.submit(() -> {
                    String code = sandbox.connectSpotify("load-sp-" + person.number());
                    platform.say(sandbox, person, platform.command("register") + " code:\"" + code + "\" name:\""
                            + person.name() + "\"");
                }));
            }
            for (Future<?> registration : registrations) {
                registration.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("registering the population failed: " + e.getMessage(), e);
        }
        if (platform.awaitDelivered(sandbox, n -> n >= before + size, timeout) < 0) {
            throw new IllegalStateException("the bot did not answer every register command within " + timeout);
        }
        Map<String, List<String>> inboxes = platform.inboxes(sandbox);
        for (Person person : people) {
            List<String> inbox = inboxes.getOrDefault(person.psid(), List.of());
            if (inbox.stream().noneMatch(text -> text.startsWith("Welcome, " + person.name() + "!"))) {
                throw new IllegalStateException(person.psid() + " was not welcomed: " + inbox);
            }
        }
        return List.copyOf(people);
    }
}
