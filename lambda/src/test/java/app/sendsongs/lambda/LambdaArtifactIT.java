package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deployment artifact the normal build makes ({@code lambda/target/send-songs-lambda.jar}): slim (no web
 * server, no SQLite, no other HTTP client than the JDK's, nothing of the tests' queue server), within Lambda's size
 * limits, holding the four handlers as Lambda loads them, and working on its own with the production wiring.
 */
class LambdaArtifactIT {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    /** Lambda's limits for a .zip/.jar deployment package: 50 MB uploaded directly, 250 MB unpacked. */
    private static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    private static final long MAX_UNPACKED_BYTES = 250L * 1024 * 1024;
    private static final List<String> FORBIDDEN = List.of("org/eclipse/jetty/", "io/javalin/", "org/sqlite/",
            "kotlin/", "jakarta/servlet/", "io/netty/", "org/apache/hc/", "org/apache/http/", "picocli/",
            "org/elasticmq/", "org/apache/pekko/", "scala/");
    static final List<Class<?>> HANDLERS = List.of(WebhookHandler.class, InboundHandler.class,
            RegistrationHandler.class, TickHandler.class);

    static Path jar() {
        Path jar = Path.of(System.getProperty("lambda.jar", "target/send-songs-lambda.jar"));
        assertThat(jar).as("the Lambda artifact; build it with mvn package").exists();
        return jar;
    }

    @Test
    void theArtifactHasNoWebServerNoSqliteAndFitsLambdasLimits() throws IOException {
        Path jar = jar();
        long unpacked = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            for (String prefix : FORBIDDEN) {
                assertThat(names).as("entries under " + prefix).noneMatch(name -> name.startsWith(prefix));
            }
            assertThat(names).noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("sqlite"));
            unpacked = file.stream().mapToLong(ZipEntry::getSize).sum();
        }
        long size = Files.size(jar);
        System.out.printf("%s: %.1f MB (%.1f MB unpacked)%n", jar.getFileName(), size / 1048576.0,
                unpacked / 1048576.0);
        assertThat(size).isLessThan(MAX_UPLOAD_BYTES);
        assertThat(unpacked).isLessThan(MAX_UNPACKED_BYTES);
    }

    @Test
    void eachHandlerLoadsFromTheArtifactAloneAsALambdaStreamHandler() throws Exception {
        try (URLClassLoader artifact = artifactOnly()) {
            Class<?> streamHandler = artifact.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
            for (Class<?> handler : HANDLERS) {
                Class<?> loaded = artifact.loadClass(handler.getName());
                assertThat(loaded.getClassLoader()).isSameAs(artifact);
                assertThat(streamHandler.isAssignableFrom(loaded)).as(handler.getName()).isTrue();
                assertThat(Modifier.isPublic(loaded.getConstructor().getModifiers())).isTrue();
            }
        }
    }

    /**
     * The registration function from the artifact alone, in a JVM of its own, created as Lambda creates it (the
     * no-argument constructor, so the production AWS clients and the DynamoDB store) and configured only by its
     * environment: AWS endpoints pointed at the Parameter Store emulator and dynalite.
     */
    @Test
    void theArtifactAloneServesConnectWithTheProductionWiring() throws Exception {
        String table = DYNAMO.freshTable();
        try (ParameterStoreEmulator parameters = new ParameterStoreEmulator()) {
            parameters.putSecureString("/smoke/spotify-client-secret", "smoke-client-secret");
            parameters.putSecureString("/smoke/token-encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
            parameters.putSecureString("/smoke/page-access-token", "smoke-page-token");
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("DYNAMODB_TABLE", table);
            environment.put("PUBLIC_BASE_URL", "https://songs.example.org");
            environment.put("SPOTIFY_CLIENT_ID", "smoke-client");
            environment.put("SPOTIFY_CLIENT_SECRET_PARAMETER", "/smoke/spotify-client-secret");
            environment.put("TOKEN_ENCRYPTION_KEY_PARAMETER", "/smoke/token-encryption-key");
            environment.put("MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER", "/smoke/page-access-token");
            environment.putAll(awsEnvironment(parameters));
            environment.put("AWS_ACCESS_KEY_ID", DynaliteExtension.ACCESS_KEY);
            environment.put("AWS_SECRET_ACCESS_KEY", DynaliteExtension.SECRET_KEY);
            environment.put("AWS_ENDPOINT_URL_DYNAMODB", DYNAMO.endpoint().toString());

            JsonNode response = SampleEvents.JSON.readTree(invokeFromArtifact(RegistrationHandler.class, "connect",
                    environment));

            assertThat(response.path("statusCode").asInt()).isEqualTo(302);
            assertThat(response.path("headers").path("Location").asText())
                    .startsWith("https://accounts.spotify.com/authorize?")
                    .contains("client_id=smoke-client")
                    .contains("redirect_uri=https%3A%2F%2Fsongs.example.org%2Fcallback");
            assertThat(parameters.calls()).isEqualTo(1);
            assertThat(response.path("cookies").get(0).asText()).startsWith("send_songs_connect=").contains("Secure");
            assertThat(DYNAMO.client().scan(r -> r.tableName(table)).count()).as("nothing stored before consent")
                    .isZero();
        }
    }

    /**
     * The webhook function from the artifact alone, as Lambda creates it: the production SQS client (on the JDK's
     * HTTP client) puts the sample POST's event on the intake queue, on ElasticMQ.
     */
    @Test
    void theArtifactAloneQueuesAWebhookPostWithTheProductionWiring() throws Exception {
        IntakeQueues queues = QUEUES.freshQueues();
        try (ParameterStoreEmulator parameters = new ParameterStoreEmulator()) {
            parameters.putSecureString("/smoke/app-secret", SampleEvents.SAMPLE_APP_SECRET);
            parameters.putSecureString("/smoke/verify-token", SampleEvents.SAMPLE_VERIFY_TOKEN);
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("MESSENGER_APP_SECRET_PARAMETER", "/smoke/app-secret");
            environment.put("MESSENGER_VERIFY_TOKEN_PARAMETER", "/smoke/verify-token");
            environment.put("INBOUND_QUEUE_URL", queues.url());
            environment.put("DYNAMODB_TABLE", "smoke-table"); // read only for echoes, which the sample has none of
            environment.putAll(awsEnvironment(parameters));
            environment.put("AWS_ACCESS_KEY_ID", ElasticMqExtension.ACCESS_KEY);
            environment.put("AWS_SECRET_ACCESS_KEY", ElasticMqExtension.SECRET_KEY);
            environment.put("AWS_ENDPOINT_URL_SQS", QUEUES.endpoint().toString());

            JsonNode response = SampleEvents.JSON.readTree(invokeFromArtifact(WebhookHandler.class, "webhook-post",
                    environment));

            assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
            assertThat(QUEUES.client().receiveMessage(request -> request.queueUrl(queues.url())).messages())
                    .singleElement().satisfies(message -> assertThat(InboundCodec.decode(message.body()).deliveryKey())
                            .isEqualTo("messenger:m_sample-1-Xk9bV2y7"));
        }
    }

    /** The AWS SDK's environment of a function run outside AWS: region, no instance metadata, the SSM emulator. */
    private static Map<String, String> awsEnvironment(ParameterStoreEmulator parameters) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", DynaliteExtension.REGION.id());
        environment.put("AWS_ENDPOINT_URL_SSM", parameters.endpoint().toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_CONFIG_FILE", "/nonexistent");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
        return environment;
    }

    /**
     * Runs {@link InvokeOnce} with only the artifact (and itself) on the class path; the handler's output, the last
     * line it prints (the function's metric lines come before it, as they would go to its log).
     */
    private static String invokeFromArtifact(Class<?> handler, String sampleEvent, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("invoke-once");
        try {
            Path classes = work.resolve("classes/app/sendsongs/lambda");
            Files.createDirectories(classes);
            Path compiled = Path.of(InvokeOnce.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                    "app/sendsongs/lambda");
            try (var files = Files.list(compiled)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("(InvokeOnce|TestContext).*"
                        + "\\.class")).toList()) {
                    Files.copy(file, classes.resolve(file.getFileName()));
                }
            }
            Path event = work.resolve("event.json");
            Files.write(event, SampleEvents.bytes(SampleEvents.load(sampleEvent)));
            String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(javaCommand, "-cp",
                    jar().toAbsolutePath() + java.io.File.pathSeparator + work.resolve("classes"),
                    InvokeOnce.class.getName(), handler.getName(), event.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the handler did not finish");
            }
            assertThat(process.exitValue()).as("exit code; output: " + output).isZero();
            List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines.subList(0, Math.max(0, lines.size() - 1))).as("before the output: metric lines only")
                    .allSatisfy(line -> assertThat(line).startsWith("{\"_aws\":"));
            return lines.isEmpty() ? "" : lines.getLast();
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The artifact on its own, as Lambda's runtime sees it: nothing from this build's class path. */
    static URLClassLoader artifactOnly() throws IOException {
        return new URLClassLoader(new URL[] {jar().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
