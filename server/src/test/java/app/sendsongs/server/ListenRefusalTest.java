package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code serve}, {@code demo} or {@code sandbox} that cannot listen where it is told says why in one line, naming the
 * setting to change, before it opens the database: a port another process holds (exit 1, which the systemd unit
 * retries), or a HOST that is no address of this machine or no known name (exit 2, a configuration error).
 */
class ListenRefusalTest {
    @TempDir
    Path dir;

    @Test
    void aPortAnotherProcessListensOnIsSaidInOneLineAndTheDatabaseIsNotOpened() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            CommandRun serve = CommandRun.of("serve", "--env-file", env("HOST=127.0.0.1", "PORT=" + port).toString());

            assertThat(serve.exit()).isEqualTo(1);
            assertThat(serve.err().strip()).isEqualTo("cannot listen on 127.0.0.1 port " + port + ": another "
                    + "process listens there (an earlier start still running?); stop it, or set another PORT");
            assertThat(dir.resolve("songs.db")).doesNotExist();
        }
    }

    @Test
    void aHostThatIsNoAddressOfThisMachineIsAConfigurationError() throws Exception {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never a machine's own address.
        CommandRun serve = CommandRun.of("serve", "--env-file", env("HOST=192.0.2.1", "PORT=0").toString());

        assertThat(serve.exit()).isEqualTo(2);
        assertThat(serve.err().strip()).isEqualTo("cannot listen on 192.0.2.1 port 0: HOST is no address of this "
                + "machine; give one of its addresses: 127.0.0.1 for this machine only (behind a reverse proxy), 0.0.0.0 "
                + "for every address");
        assertThat(dir.resolve("songs.db")).doesNotExist();
    }

    @Test
    void aHostNameThatIsNotKnownIsAConfigurationError() throws Exception {
        CommandRun serve = CommandRun.of("serve", "--env-file", env("HOST=no-such-host.invalid", "PORT=0").toString());

        assertThat(serve.exit()).isEqualTo(2);
        assertThat(serve.err().strip()).isEqualTo("cannot listen on no-such-host.invalid port 0: HOST is no known "
                + "host name; give one of this machine's addresses: 127.0.0.1 for this machine only (behind a reverse "
                + "proxy), 0.0.0.0 for every address");
    }

    @Test
    void theDemoAndTheSandboxSayItInOneLineToo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());

            CommandRun demo = CommandRun.of("demo", "--port", port);
            CommandRun sandbox = CommandRun.of("sandbox", "--port", port);

            assertThat(demo.exit()).isEqualTo(1);
            assertThat(demo.err().strip()).isEqualTo("cannot listen on 127.0.0.1 port " + port + ": another process "
                    + "listens there (an earlier start still running?); stop it, or set another --port");
            assertThat(sandbox.exit()).isEqualTo(1);
            assertThat(sandbox.err().strip()).isEqualTo("cannot listen on 127.0.0.1 port " + port + ": another "
                    + "process listens there (an earlier start still running?); stop it, or set another --port");
        }
    }

    private Path env(String... more) throws IOException {
        List<String> lines = new ArrayList<>(List.of("PUBLIC_BASE_URL=https://bot.example",
                "MESSENGER_APP_SECRET=s", "MESSENGER_VERIFY_TOKEN=v", "MESSENGER_PAGE_ACCESS_TOKEN=p",
                "SPOTIFY_CLIENT_ID=c", "SPOTIFY_CLIENT_SECRET=cs",
                "TOKEN_ENCRYPTION_KEY=c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=",
                "SQLITE_PATH=" + dir.resolve("songs.db")));
        lines.addAll(List.of(more));
        return Files.writeString(dir.resolve("env"), String.join("\n", lines));
    }
}
