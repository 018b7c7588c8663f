package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.shared.ChatAddress;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the deployed functions can be asked to do, run through their entry points: every route and command,
 * registration failures, a share from a pasted link, receipts and blocks, held and retried messages, a revoked grant
 * and reconnection, expiry, purge, forget_me,
 * a handling failure retried from the queue, a redelivered webhook, an invite whose friend signs up through their own
 * link, a message Graph took before the inbound function died, confirmed by its echo. The deployment test records the
 * AWS calls this makes to compare them with the roles; a new feature that reaches the store or the queue in a new way
 * belongs here too.
 */
final class DeploymentScenario {
    private static final String LINK = "https://open.spotify.com/track/";

    private DeploymentScenario() {
    }

    static void run(LambdaWorld world) {
        People people = new People(world);
        List<String> tracks = people.trackIds();

        assertThat(LambdaWorld.invoke(world.webhook, "webhook", SampleEvents.load("webhook-verify"))
                .path("statusCode").asInt()).isEqualTo(200);
        assertThat(people.ask("alice", "hello")).singleElement().asString().startsWith("Hi! I'm Send Songs");
        assertThat(people.ask("alice", "help")).isNotEmpty();

        // registration, and its refusals: a replayed or unknown state, a used code
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
        people.register("carol", "carol-sp", "Carol King");
        people.register("dan1", "dan1-sp", "Dan Brown");
        people.register("dan2", "dan2-sp", "Dan Brown");
        assertThat(LambdaWorld.invoke(world.registration, "registration", SampleEvents.load("callback"))
                .path("body").asText()).contains("expired or was already used");
        assertThat(people.ask("mallory", "register code:\"AAAA-BBBB\" name:\"Mallory\"").getLast())
                .contains("unknown, used or expired");

        // personal links: registered at once under the chat profile's name, with Last.fm and with ListenBrainz;
        // a sixth Spotify user of an app in development mode is told it is full
        people.nameIs("erin", "Erin", "Lee");
        assertThat(people.connectOwn("erin", "lastfm", "erinlee").body()).contains("id=\"registered\"");
        people.nameIs("frank", "Frank", "Ocean");
        assertThat(people.connectOwn("frank", "listenbrainz", "frank_lb").body()).contains("id=\"registered\"");
        people.spotifyUserLimit(5);
        assertThat(people.connectOwn("gus", "spotify", "gus-sp").body()).contains("id=\"not-allowed\"");
        people.spotifyUserLimit(null);
        assertThat(people.ask("gus", "name \"Gus Grey\"").getLast()).startsWith("Hi! I'm Send Songs");
        assertThat(people.ask("erin", "name \"Erin Lee-Park\"").getLast()).startsWith("Done: friends now find you");

        // sharing: a song, errors, an ambiguous name and its answer, pending, cancel, history
        people.say("alice", "send_song name:\"Bob Fisher\" pre:\"listen\" post:\"told you\" " + LINK + tracks.get(0));
        people.say("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(1));
        assertThat(people.ask("alice", "send_song name:\"Nobody Known\" " + LINK + tracks.get(0)).getLast())
                .contains("I don't know anyone called");
        assertThat(people.ask("alice", "send_song name:\"Dan Brown\" " + LINK + tracks.get(2)).getLast())
                .startsWith("2 people are called Dan Brown. Which one?");
        people.say("alice", "1");
        assertThat(people.ask("alice", "pending").getLast()).contains("Bob Fisher");
        assertThat(people.ask("alice", "cancel 2").getLast()).startsWith("Stopped watching ");

        // a song shared from a pasted link, tap by tap (Alice is among Bob's contacts); a repeat refused
        assertThat(people.ask("bob", "listen to this " + LINK + tracks.get(8)))
                .contains("Who is it for?\nWith it: “listen to this”");
        assertThat(people.ask("bob", "1").getLast()).startsWith("Send ");
        assertThat(people.ask("bob", "send").getLast()).startsWith("Sent ");
        assertThat(people.ask("bob", "send_song alice " + LINK + tracks.get(8)).getLast())
                .startsWith("You already sent");

        // a receiver's controls: receipts, a block and its undoing
        assertThat(people.ask("dan1", "receipts off").getLast()).startsWith("Done: I won't tell anyone");
        assertThat(people.ask("dan1", "receipts").getLast()).startsWith("I don't tell friends");
        people.say("dan1", "receipts on");
        assertThat(people.ask("carol", "block Bob Fisher").getLast()).startsWith("Blocked Bob Fisher");
        assertThat(people.ask("carol", "unblock Bob Fisher").getLast()).startsWith("Unblocked Bob Fisher");

        // groups: make one, add, list, send a song to it, then take it apart
        assertThat(people.ask("alice", "create_group Family").getLast()).startsWith("Created the group Family.");
        people.say("alice", "add_to_group Family \"Bob Fisher\"");
        people.say("alice", "add_to_group Family \"Carol King\"");
        assertThat(people.ask("bob", "members Family").getLast()).contains("Carol King");
        assertThat(people.ask("alice", "groups").getLast()).contains("Family");
        assertThat(people.ask("alice", "send_song group:\"Family\" post:\"to all\" " + LINK + tracks.get(7))
                .getLast()).contains("Family");
        people.play("carol-sp", tracks.get(7));

        // the tick: a play is noticed, the sender told, the post note released; a scrobble too
        people.say("alice", "send_song name:\"Erin Lee-Park\" " + LINK + tracks.get(8));
        people.scrobble("erinlee", world.sandbox.spotify().catalogue().byId(tracks.get(8)).orElseThrow().artists()
                .getFirst(), world.sandbox.spotify().catalogue().byId(tracks.get(8)).orElseThrow().name());
        people.play("bob-sp", tracks.get(0));
        people.advanceMinutes(10);
        assertThat(people.inbox("alice")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to "))
                .anyMatch(text -> text.startsWith("🎧 Erin Lee-Park listened to "));
        assertThat(people.ask("alice", "history").getLast()).contains("Bob Fisher");

        people.say("alice", "remove_from_group Family \"Carol King\"");
        people.say("bob", "leave_group Family");
        assertThat(people.ask("alice", "delete_group Family").getLast()).startsWith("Delete the group Family?");
        people.tap("alice", "Yes, delete it");
        assertThat(people.lastMessage("alice")).startsWith("Deleted the group Family");

        // a delivery Messenger fails is held and retried by the tick
        people.fault("messenger", 500, 1);
        people.say("carol", "send_song name:\"Bob Fisher\" pre:\"again\" " + LINK + tracks.get(3));
        people.advanceMinutes(2);
        assertThat(people.inbox("bob")).anyMatch(text -> text.contains("again"));

        // with message_echoes, a song card Graph took just before the inbound function died is confirmed by its echo
        // through the webhook function (the share delivered, its receiver's first watch made: Hal listens on Last.fm,
        // so no check waits for a Spotify grant's reminder), and not sent again
        people.nameIs("hal", "Hal", "Moon");
        assertThat(people.connectOwn("hal", "lastfm", "halfm").body()).contains("id=\"registered\"");
        people.messengerEchoes();
        people.inboundDiesOnceASongCardReaches("hal");
        people.say("carol", "send_song name:\"Hal Moon\" " + LINK + tracks.get(9));
        assertThat(world.awaitNothingHeldFor(ChatAddress.messenger("hal"), Duration.ofSeconds(10))).isTrue();
        people.messengerEchoesNothing();
        people.inboundLivesAgain();

        // outside Messenger's 24-hour window a song waits until the receiver writes
        people.advanceMinutes(25 * 60);
        people.say("alice", "send_song name:\"Carol King\" pre:\"late\" " + LINK + tracks.get(4));
        people.say("carol", "hi");
        assertThat(people.inbox("carol")).anyMatch(text -> text.contains("late"));

        // a revoked grant is told once, and watching resumes after reconnecting
        people.say("bob", "hi");
        people.say("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(5));
        people.revokeSpotify("bob-sp");
        people.advanceMinutes(6);
        assertThat(people.inbox("bob")).anyMatch(text -> text.startsWith("Your Spotify connection has ended"));
        assertThat(people.register("bob", "bob-sp", "Bob Fisher")).startsWith("You're connected again");
        people.revokeSpotify("bob-sp");
        people.advanceMinutes(6);
        assertThat(people.connectOwn("bob", "spotify", "bob-sp").body()).contains("You're connected with Spotify");

        // switching source keeps the songs being watched, reading the new source from the switch on
        people.say("alice", "send_song name:\"Frank Ocean\" " + LINK + tracks.get(9));
        assertThat(people.connectOwn("frank", "lastfm", "frankfm").body()).contains("connected with Last.fm");
        assertThat(people.inbox("frank")).anyMatch(text -> text.startsWith("You're connected with Last.fm now"));

        // a week on: expiries, and the hourly purge of leftovers
        people.advanceMinutes(8 * 24 * 60);
        people.say("alice", "pending");
        assertThat(people.inbox("alice")).anyMatch(text -> text.contains("within 7 days"));

        // an invite: the friend opens it, then signs up through their own link, and the registration function
        // delivers the song and tells the sender
        String invited = people.ask("alice", "send_song name:\"Gina Gray\" " + LINK + tracks.get(2)).getLast();
        Matcher invite = Pattern.compile("invite-[A-Za-z0-9_-]{22}").matcher(invited);
        assertThat(invite.find()).as(invited).isTrue();
        people.openLink("gina", invite.group());
        people.nameIs("gina", "Gina", "Gray");
        assertThat(people.connectOwn("gina", "spotify", "gina-sp").status()).isEqualTo(200);
        assertThat(people.inbox("gina")).anyMatch(text -> text.startsWith("🎵 Alice Smith sent you a song"));
        assertThat(people.inbox("alice")).anyMatch(text -> text.startsWith("Gina Gray opened your invite."));

        // a passing fault while handling a message: it goes back to the queue and is answered on its retry
        world.aws("inbound").faults().failNext("DynamoDb", 1);
        assertThat(people.ask("bob", "pending")).last().asString().startsWith("Nothing pending");

        // a redelivered webhook event
        people.say("6483920174825591", "hi");
        LambdaWorld.invoke(world.webhook, "webhook", SampleEvents.webhookPostAt(world.clock.instant()));
        LambdaWorld.invoke(world.webhook, "webhook", SampleEvents.webhookPostAt(world.clock.instant()));
        world.deliverQueued();

        // Telegram: a person starts the bot and registers, gets a song from Messenger, shares in a group chat
        long tara = 7_101_000_001L;
        long uma = 7_101_000_002L;
        assertThat(people.telegramSays(tara, "Tara", "Telegram", "tara_tele", "/start").path("delivered").asBoolean())
                .isTrue();
        assertThat(people.telegramChat(tara)).singleElement().asString()
                .contains("connect the service that sees what you play");
        JsonNode greeting = people.telegramMessages(tara).get(0);
        String connect = greeting.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data")
                .asText();
        people.telegramPress(tara, tara, greeting.path("message_id").asLong(), connect);
        assertThat(people.telegramMessages(tara).get(0).has("reply_markup"))
                .as("a private tap's spent choices leave their message").isFalse();
        String code = people.connectSpotify("tara-sp");
        people.telegramSays(tara, null, "/register code:\"" + code + "\" name:\"Tara Telegram\"");
        assertThat(people.telegramChat(tara).getLast()).startsWith("Welcome, Tara Telegram!");
        people.say("alice", "send_song @tara_tele " + LINK + tracks.get(8));
        assertThat(people.telegramChat(tara).getLast()).as("a Telegram username names her")
                .contains("Alice Smith sent you a song");
        people.telegramSays(uma, null, "/start");
        people.telegramGroup(-1_001_000_000_777L, "Lambda Band", List.of(tara, uma));
        long welcome = people.telegramMessages(-1_001_000_000_777L).get(0).path("message_id").asLong();
        assertThat(people.telegramPress(tara, -1_001_000_000_777L, welcome, "join").path("answered").asBoolean())
                .isTrue();
        people.telegramSays(tara, -1_001_000_000_777L, "/send@SendSongsSandboxBot " + LINK + tracks.get(9));
        assertThat(people.telegramChat(-1_001_000_000_777L).getLast()).startsWith("Nobody else here is counted in");
        assertThat(people.telegramSays(tara, null, "/forget_me").path("delivered").asBoolean()).isTrue();

        // events on their last receive that an invocation had no time to start go back on the queue as new messages
        people.sayWithoutDelivery("alice", "help");
        people.sayWithoutDelivery("alice", "pending");
        world.receiveWithoutHandling(IntakeQueues.MAX_RECEIVE_COUNT - 1);
        world.deliverOneBatchWithTimeLeft(2, InboundHandler.TIME_TO_START_AN_EVENT.minusSeconds(1));
        world.deliverQueued();

        // forgetting a person who still has a message held for them (Messenger fails its release)
        people.say("alice", "send_song name:\"Carol King\" pre:\"never read\" " + LINK + tracks.get(6));
        int alicesBefore = people.inbox("alice").size();
        // (Carol has not written for days: the song waits for her, and her writing first tells Alice it goes, which
        // Messenger fails too)
        people.fault("messenger", 500, 2);
        people.say("carol", "forget_me"); // asks first; its answer waits behind the song Messenger failed
        assertThat(people.ask("carol", "forget_me confirm").getLast()).startsWith("Done: I've deleted everything");
        assertThat(people.inbox("carol")).noneMatch(text -> text.contains("never read"));
        List<String> alices = people.inbox("alice");
        assertThat(alices.subList(alicesBefore, alices.size())).as("the notice about Carol taken back with her")
                .noneMatch(text -> text.startsWith("📬"));
        people.advanceMinutes(61);
    }
}
