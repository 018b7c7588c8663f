package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The deployment artifact the normal build makes ({@code lambda/target/send-songs-lambda.jar}): slim (no web
 * server, no SQLite), within Lambda's size limits, and holding the three handlers as Lambda loads them.
 */
class LambdaArtifactIT {
    /** Lambda's limits for a .zip/.jar deployment package: 50 MB uploaded directly, 250 MB unpacked. */
    private static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    private static final long MAX_UNPACKED_BYTES = 250L * 1024 * 1024;
    private static final List<String> FORBIDDEN = List.of("org/eclipse/jetty/", "io/javalin/", "org/sqlite/",
            "kotlin/", "jakarta/servlet/", "io/netty/", "org/apache/hc/", "org/apache/http/", "picocli/");
    static final List<Class<?>> HANDLERS = List.of(WebhookHandler.class, RegistrationHandler.class, TickHandler.class);

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

    /** The artifact on its own, as Lambda's runtime sees it: nothing from this build's class path. */
    static URLClassLoader artifactOnly() throws IOException {
        return new URLClassLoader(new URL[] {jar().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
