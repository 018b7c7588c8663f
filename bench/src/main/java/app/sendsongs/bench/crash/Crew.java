package app.sendsongs.bench.crash;

import app.sendsongs.bench.load.Population.Person;
import app.sendsongs.bench.load.ServerProcess;
import app.sendsongs.testsupport.SandboxControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A group made through the bot's own commands: its owner creates it and adds the others by name. */
record Crew(String name, List<Person> members) {
    /** Often enough to see the answers soon after they are sent, rarely enough to cost the server little. */
    private static final Duration POLL = Duration.ofMillis(20);

    Crew {
        members = List.copyOf(members);
    }

    Person owner() {
        return members.getFirst();
    }

    /** Everyone in the group but {@code sender}: who a song sent to it goes to. */
    List<Person> receiversFrom(Person sender) {
        return members.stream().filter(member -> !member.equals(sender)).toList();
    }

    /**
     * Makes {@code count} groups of {@code size} random people each (a person may be in several),
     * by {@code create_group} and {@code add_to_group} written through the emulated Messenger, and
     * waits until the bot has answered every command and told every added member.
     */
    static List<Crew> form(SandboxControl sandbox, List<Person> people, int count, int size, Random random,
                           Duration timeout) {
        List<Crew> crews = new ArrayList<>();
        long before = delivered(sandbox);
        for (int i = 1; i <= count; i++) {
            List<Person> shuffled = new ArrayList<>(people);
            Collections.shuffle(shuffled, random);
            Crew crew = new Crew("Crew" + i, shuffled.subList(0, size));
            sandbox.say(crew.owner().psid(), "create_group name:\"" + crew.name() + "\"");
            for (Person member : crew.receiversFrom(crew.owner())) {
                sandbox.say(crew.owner().psid(), "add_to_group " + crew.name() + " \"" + member.name() + "\"");
            }
            crews.add(crew);
        }
        // The owner's answer to each command, and a notice to each added member.
        long expected = before + crews.stream().mapToLong(crew -> 1 + 2L * (crew.members().size() - 1)).sum();
        if (!awaitDelivered(sandbox, expected, timeout)) {
            throw new IllegalStateException("the bot did not answer every group command within " + timeout);
        }
        Map<String, List<String>> inboxes = sandbox.inboxes();
        for (Crew crew : crews) {
            long added = inboxes.getOrDefault(crew.owner().psid(), List.of()).stream()
                    .filter(text -> text.startsWith("Added ") && text.contains(" to " + crew.name() + " ")).count();
            if (added != crew.members().size() - 1) {
                throw new IllegalStateException(crew.name() + ": the owner was told of " + added + " members added, not "
                        + (crew.members().size() - 1) + ": " + inboxes.get(crew.owner().psid()));
            }
        }
        return List.copyOf(crews);
    }

    /** How many messages the bot has sent through the emulated Messenger so far, to everyone. */
    private static long delivered(SandboxControl sandbox) {
        return sandbox.messengerStats().path("delivered").asLong();
    }

    /** Polls {@link #delivered} until it reaches {@code expected}; false when {@code timeout} passed first. */
    private static boolean awaitDelivered(SandboxControl sandbox, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (delivered(sandbox) >= expected) {
                return true;
            }
            ServerProcess.sleep(POLL);
        }
        return false;
    }
}
