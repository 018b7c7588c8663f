package app.sendsongs.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Lambda's Java runtime does for one invocation, as a program: load the handler class by name, create it with
 * its no-argument constructor (so with the production wiring, configured by the environment), and pass it an
 * event. Prints the handler's output. Run by {@link LambdaArtifactIT} in a JVM that has only the artifact and this
 * class on its class path.
 */
public final class InvokeOnce {
    private InvokeOnce() {
    }

    public static void main(String[] args) throws Exception {
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream event = Files.newInputStream(Path.of(args[1]))) {
            handler.handleRequest(event, out, new TestContext("smoke", "smoke-request"));
        }
        System.out.println(out.toString(StandardCharsets.UTF_8));
    }
}
