package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import app.sendsongs.testsupport.SandboxControl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invites on the DynamoDB store (dynalite), through the emulated Messenger: a referral carrying an invite's prefix and
 * as many characters as Messenger passes on (1,000) is told plainly and looked up nowhere, a sender's open invites
 * are counted from the table, someone signing up under an invited name is found there, and what became of an invite
 * that ended is kept there.
 */
class InvitesOnDynamoDbTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final String LINK = "https://open.spotify.com/track/";

    private Demo demo;
    private SandboxClient sandbox;
    private SandboxControl control;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "STORE", "dynamodb", "DYNAMODB_TABLE", DYNAMO.freshTable(),
                "DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString(), "AWS_REGION", DynaliteExtension.REGION.id(),
                "AWS_ACCESS_KEY_ID", DynaliteExtension.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", DynaliteExtension.SECRET_KEY,
                "TICK_SECONDS", "3600", "SEND_LIMIT_OPEN_INVITES", "1"));
        sandbox = new SandboxClient(demo.baseUrl());
        control = new SandboxControl(demo.baseUrl());
        sandbox.register("alice", "alice-sp", "Alice Smith");
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void anOversizedInviteRefIsToldPlainlyAndTheBotGoesOn() {
        List<String> opened = openLink("mallory", "invite-" + "A".repeat(993));

        assertThat(opened).singleElement().asString()
                .startsWith("That invite has expired or was already used.\n\nHi! I'm Send Songs");
        assertThat(sandbox.ask("mallory", "hi")).singleElement().asString().startsWith("Hi! I'm Send Songs");
    }

    @Test
    void theCapOnOpenInvitesIsCountedFromTheTable() {
        String track = sandbox.trackIds().getFirst();
        assertThat(sandbox.ask("alice", "send_song name:\"Carol\" " + LINK + track)).singleElement().asString()
                .startsWith("I don't know anyone called \"Carol\" yet.");

        assertThat(sandbox.ask("alice", "send_song name:\"Dave\" " + LINK + track)).singleElement().asString()
                .startsWith("You have 1 invite nobody has used yet, the most I keep for one person");
    }

    @Test
    void aNamesakeSigningUpIsFoundFromTheTableAndACancelledInvitesLinkSaysSo() {
        String track = sandbox.trackIds().getFirst();
        String told = sandbox.ask("alice", "send_song name:\"Dan Brown\" " + LINK + track).getFirst();
        String ref = told.replaceAll("(?s).*m\\.me/sandbox-page\\?ref=([A-Za-z0-9_-]+).*", "$1");

        sandbox.register("dan", "dan-sp", "Dan Brown");
        sandbox.awaitMessage("alice", text -> text.startsWith("Dan Brown just signed up. Is that who you invited"));
        assertThat(sandbox.ask("alice", "cancel invite 1")).singleElement().asString()
                .startsWith("Cancelled your invite for ");

        assertThat(openLink("mallory", ref)).singleElement().asString()
                .startsWith("Alice Smith cancelled this invite.\n\nHi! I'm Send Songs");
    }

    private List<String> openLink(String psid, String ref) {
        int before = sandbox.inbox(psid).size();
        control.openLink(psid, ref);
        List<String> after = sandbox.awaitInbox(psid, inbox -> inbox.size() > before);
        return after.subList(before, after.size());
    }
}
