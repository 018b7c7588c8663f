package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.sendsongs.store.sqlite.SqliteBackup;
import app.sendsongs.testsupport.AnotherUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands run as root and as the service user (as operations.md runs them, with {@code sudo -u send-songs}) on
 * one database, as an operator moving a bot to a new machine mixes them. A file root owns stops {@code serve},
 * {@code restore} and {@code rekey} of the service user at once, with one line naming the file, its owner and the
 * chown that fixes it, and exit code 2 (not retried by the systemd unit), instead of SQLite's "attempt to write a
 * readonly database"; a {@code restore} run as root gives the file to the owner of its folder, so the service user's
 * {@code serve} runs on it. The tests run as root, who may write anything, so the service user's commands run in a
 * process of another user.
 */
class DatabaseOfAnotherUserCommandTest {
    private static final String KEY = "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=";

    @TempDir
    Path dir;
    private AnotherUser serviceUser;
    private Path data;
    private Path database;
    private Path backup;
    private Path env;

    @BeforeEach
    void aDatabaseInTheServiceUsersFolderAndItsBackup() throws IOException {
        assumeTrue(AnotherUser.unavailable().isEmpty(), () -> "skipped: " + AnotherUser.unavailable().orElseThrow());
        Optional<AnotherUser> found = AnotherUser.find(dir);
        assumeTrue(found.isPresent(), "skipped: the temporary folder " + dir + " is not reachable by other users");
        serviceUser = found.get();
        data = Files.createDirectory(dir.resolve("data"));
        Files.setOwner(data, AnotherUser.principal());
        database = data.resolve("send-songs.db");
        Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString(), "TOKEN_ENCRYPTION_KEY", KEY)).close();
        backup = readableByAll(SqliteBackup.backup(database, dir.resolve("backup.db")).file());
        env = readableByAll(Files.writeString(dir.resolve("env"), String.join("\n",
                "PUBLIC_BASE_URL=https://bot.example", "MESSENGER_APP_SECRET=s", "MESSENGER_VERIFY_TOKEN=v",
                "MESSENGER_PAGE_ACCESS_TOKEN=p", "SPOTIFY_CLIENT_ID=c", "SPOTIFY_CLIENT_SECRET=cs",
                "TOKEN_ENCRYPTION_KEY=" + KEY, "HOST=127.0.0.1", "PORT=0", "SQLITE_PATH=" + database)));
    }

    @Test
    void serveRestoreAndRekeyAsTheServiceUserOnAFileRootOwnsSayWhyInOneLineAndExitWithTwo() throws IOException {
        // As a copy made as root leaves them: the file, and the -wal and -shm the backup's reading left.
        List<Path> rootsFiles = Stream.of("", "-wal", "-shm").map(end -> data.resolve(database.getFileName() + end))
                .filter(Files::exists).toList();
        for (Path file : rootsFiles) {
            Files.setOwner(file, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("root"));
        }
        Path newKey = readableByAll(Files.writeString(dir.resolve("new-key"),
                "bmV3LXNlbmQtc29uZ3MtdGVzdC1rZXktMzItYnl0ZXM="));
        String why = "cannot write to " + joined(rootsFiles, ", ") + ": " + (rootsFiles.size() == 1 ? "it belongs"
                : "they belong") + " to root and this runs as nobody; give " + (rootsFiles.size() == 1 ? "it" : "them")
                + " to nobody: chown nobody: " + joined(rootsFiles, " ");

        for (String[] command : new String[][] {
                {"serve", "--env-file", env.toString()},
                {"restore", "--env-file", env.toString(), backup.toString()},
                {"rekey", "--env-file", env.toString(), "--new-key-file", newKey.toString()}}) {
            AnotherUser.Run run = serviceUser.run(Main.class, command);

            assertThat(run.exit()).as(command[0] + ": " + run.output()).isEqualTo(2);
            assertThat(run.output().strip().lines()).as(command[0]).containsExactly(why);
        }
    }

    @Test
    void aDatabaseRestoredAsRootOnANewMachineIsTheServiceUsersSoTheirServeRunsOnIt() throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        CommandRun restore = CommandRun.of("restore", "--env-file", env.toString(), backup.toString());

        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + database, "It belongs to nobody, who alone can read and "
                + "write it.");
        assertThat(serveOutputUntilItServes()).last().asString().startsWith("Send Songs is serving on port");
    }

    /** The lines {@code serve} of the service user prints until it says it serves (or ends), then stops it. */
    private List<String> serveOutputUntilItServes() throws IOException, InterruptedException {
        Process serve = serviceUser.start(Main.class, "serve", "--env-file", env.toString());
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("Send Songs is serving")) {
                    break;
                }
            }
        } finally {
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        return lines;
    }

    private static String joined(List<Path> files, String between) {
        return files.stream().map(Path::toString).collect(Collectors.joining(between));
    }

    private static Path readableByAll(Path file) throws IOException {
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
