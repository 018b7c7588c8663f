package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tests' HTTP clients (the JDK's) keep an idle connection for the seconds the build sets; the bot's server closes
 * one idle for {@link BotServer#BODY_READ_TIMEOUT}. A client that kept it longer could send a POST on a connection the
 * server is closing at that instant, and the test would fail on a connection, not on the bot.
 */
class TestClientsKeepAliveTest {
    @Test
    void theTestsClientsLetGoOfAnIdleConnectionBeforeTheServerClosesIt() {
        String seconds = System.getProperty("jdk.httpclient.keepalive.timeout");

        assertThat(seconds).as("set by the build for every test JVM").isNotNull();
        assertThat(Long.parseLong(seconds)).isLessThan(BotServer.BODY_READ_TIMEOUT.toSeconds());
    }
}
