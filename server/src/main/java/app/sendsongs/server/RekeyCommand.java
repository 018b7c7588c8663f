package app.sendsongs.server;

import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.sqlite.SqliteStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code send-songs rekey}: the stored tokens sealed again with a new key. Either the new key comes from a file, the
 * SQLite server stopped; or a replacement is under way ({@code TOKEN_ENCRYPTION_KEY} the new key and
 * {@code TOKEN_ENCRYPTION_PREVIOUS_KEY} the old one, on every process using the store), and what the old key sealed is
 * sealed with the new one: the way on DynamoDB, where servers and functions go on running meanwhile.
 */
@Command(name = "rekey", mixinStandardHelpOptions = true,
        description = {"Seal the stored tokens again with a new key, for a TOKEN_ENCRYPTION_KEY that leaked; people "
                + "keep their connections.",
                "With --new-key-file (SQLite, the server stopped): afterwards TOKEN_ENCRYPTION_KEY must be the new key.",
                "Without it, while TOKEN_ENCRYPTION_KEY is the new key and TOKEN_ENCRYPTION_PREVIOUS_KEY the old one "
                        + "(on DynamoDB, while servers and functions run with both): seals what the old key sealed "
                        + "with the new one; afterwards TOKEN_ENCRYPTION_PREVIOUS_KEY can go.",
                "Connect links given out before stop working (they are sealed with the old key); backups taken "
                        + "before need the old key."})
final class RekeyCommand extends DatabaseSettings implements Callable<Integer> {
    static final List<String> VARIABLES = List.of("STORE", "SQLITE_PATH", "DYNAMODB_TABLE", "AWS_REGION",
            "DYNAMODB_ENDPOINT", "AWS_ACCESS_KEY_ID", "TOKEN_ENCRYPTION_KEY", ServerConfig.PREVIOUS_KEY,
            Logging.VARIABLE);

    @Option(names = "--new-key-file", paramLabel = "FILE", description = "A file holding the new key: base64 of 32 "
            + "random bytes (openssl rand -base64 32). Keeps it off the command line. SQLite only.")
    Path newKeyFile;

    /** How many tokens were sealed again, and how many neither key opens. */
    record Outcome(int resealed, int unreadable) {
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> settings;
        StoreConfig store;
        List<String> problems = new ArrayList<>();
        try {
            settings = settings();
            store = StoreConfig.from(settings, problems);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems));
            return 2;
        }
        Optional<TokenCipher> inUse = key(settings.get("TOKEN_ENCRYPTION_KEY"), "TOKEN_ENCRYPTION_KEY",
                "TOKEN_ENCRYPTION_KEY is not set");
        if (inUse.isEmpty()) {
            return 2;
        }
        boolean replacing = !ServerConfig.blank(settings.get(ServerConfig.PREVIOUS_KEY));
        if (newKeyFile != null) {
            return replacing ? refuse("TOKEN_ENCRYPTION_PREVIOUS_KEY is set: a replacement of the key is under way. "
                    + "Run rekey without --new-key-file to finish it") : withNewKeyFile(store, inUse.get());
        }
        if (!replacing) {
            return refuse("rekey needs --new-key-file FILE (SQLite, the server stopped), or TOKEN_ENCRYPTION_KEY set "
                    + "to the new key and TOKEN_ENCRYPTION_PREVIOUS_KEY to the key it replaces (see \"Changing "
                    + "TOKEN_ENCRYPTION_KEY\" in docs/operations.md)");
        }
        Optional<TokenCipher> previous = key(settings.get(ServerConfig.PREVIOUS_KEY), ServerConfig.PREVIOUS_KEY, "");
        if (previous.isEmpty()) {
            return 2;
        }
        if (previous.get().sameKeyAs(inUse.get())) {
            return refuse("TOKEN_ENCRYPTION_PREVIOUS_KEY is the key in use (TOKEN_ENCRYPTION_KEY): it must be the key "
                    + "being replaced");
        }
        return reseal(store, previous.get(), inUse.get(), "with TOKEN_ENCRYPTION_KEY. TOKEN_ENCRYPTION_PREVIOUS_KEY "
                + "opens none of them now: take it away wherever it is set");
    }

    private int withNewKeyFile(StoreConfig store, TokenCipher inUse) {
        if (!(store instanceof StoreConfig.Sqlite)) {
            return refuse("--new-key-file replaces the key of a SQLite file, the server stopped; on DynamoDB, set "
                    + "TOKEN_ENCRYPTION_KEY to the new key and TOKEN_ENCRYPTION_PREVIOUS_KEY to the old one on every "
                    + "server and function, then run rekey without it (see \"Changing TOKEN_ENCRYPTION_KEY\" in "
                    + "docs/operations.md)");
        }
        Optional<TokenCipher> next = newKey();
        if (next.isEmpty()) {
            return 2;
        }
        if (inUse.sameKeyAs(next.get())) {
            return refuse("the new key in " + newKeyFile + " is the key in use (TOKEN_ENCRYPTION_KEY): make a new one "
                    + "with openssl rand -base64 32");
        }
        return reseal(store, inUse, next.get(), "again with the new key. Put it in TOKEN_ENCRYPTION_KEY before the "
                + "server starts again: the old key opens none of them now");
    }

    private static int reseal(StoreConfig store, TokenCipher from, TokenCipher to, String after) {
        try {
            Outcome outcome = ServerStore.reseal(store, from, to);
            System.out.println("Sealed " + Texts.count(outcome.resealed(), "token") + " in " + describe(store) + " "
                    + after + "." + (outcome.unreadable() == 0 ? "" : " " + Texts.count(outcome.unreadable(), "token")
                    + " the old key could not open either were left as they were: their people are asked to connect "
                    + "again."));
            return 0;
        } catch (SqliteStoreException e) {
            return SqliteRefusal.report(e.getMessage(), e);
        } catch (SdkException e) {
            System.err.println("DynamoDB refused rekey: " + e.getMessage() + " (tokens sealed again before it are "
                    + "sealed with the new key; running rekey again finishes the rest)");
            return 1;
        }
    }

    private static String describe(StoreConfig store) {
        return switch (store) {
            case StoreConfig.Sqlite sqlite -> sqlite.path().toAbsolutePath().toString();
            case StoreConfig.DynamoDb dynamo -> "the DynamoDB table " + dynamo.table();
        };
    }

    private Optional<TokenCipher> newKey() {
        String text;
        try {
            text = Files.readString(newKeyFile);
        } catch (IOException e) {
            System.err.println("cannot read the new key file " + newKeyFile + ": " + EnvFile.Unreadable.reason(e));
            return Optional.empty();
        }
        return key(text, "the new key in " + newKeyFile, "the new key file " + newKeyFile + " is empty");
    }

    /** The key {@code base64} gives; empty, with why said (never the key), when it gives none. */
    private static Optional<TokenCipher> key(String base64, String what, String whenMissing) {
        if (base64 == null || base64.isBlank()) {
            System.err.println(whenMissing);
            return Optional.empty();
        }
        try {
            return Optional.of(TokenCipher.fromBase64(base64));
        } catch (IllegalArgumentException e) {
            System.err.println(what + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static int refuse(String why) {
        System.err.println(why);
        return 2;
    }
}
