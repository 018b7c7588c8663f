package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.testsupport.LogCapture;
import app.sendsongs.testsupport.SandboxControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A person's name from the User Profile API, through the Graph emulator: found, unknown, refused, failing. */
class UserProfileTest {
    private final MessengerSandbox sandbox = new MessengerSandbox();
    private final SandboxControl control = new SandboxControl(sandbox.base);
    private final GraphSendApi graph = sandbox.graph();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void thePersonsFirstAndLastNameAsMessengerShowsThem() {
        sandbox.personWrites("psid-7", "hi");
        control.messengerName("psid-7", "Bob", "Fisher");

        assertThat(graph.displayName("psid-7")).contains("Bob Fisher");
    }

    @Test
    void someoneWhoNeverWroteToThePageHasNoNameAndNothingLeaksIntoTheLog() {
        try (LogCapture log = new LogCapture()) {
            assertThat(graph.displayName("never-wrote")).isEmpty();
            sandbox.personWrites("psid-8", "hi");
            sandbox.fault(500, 1, 0);
            assertThat(graph.displayName("psid-8")).isEmpty();
            GraphSendApi wrongToken = new GraphSendApi(new MessengerConfig(sandbox.base + "/sandbox/graph", "v21.0",
                    "a-page-token-that-is-wrong", null, null));
            assertThat(wrongToken.displayName("psid-8")).isEmpty();

            assertThat(log.text()).contains("User Profile API gave no name").contains("code 100/33")
                    .doesNotContain(sandbox.config.pageAccessToken()).doesNotContain("a-page-token-that-is-wrong");
        }
        assertThat(graph.displayName("psid-8")).as("working again after the fault").contains("psid-8");
    }
}
