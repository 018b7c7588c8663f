package app.sendsongs.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One run of the command line, as {@code java -jar send-songs.jar ...} would run it, and what it printed. */
record CommandRun(int exit, String out, String err) {
    static CommandRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        StringWriter picocliOut = new StringWriter();
        StringWriter picocliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(picocliOut, true));
            cli.setErr(new PrintWriter(picocliErr, true));
            int exit = cli.execute(args);
            return new CommandRun(exit, stdout.toString(StandardCharsets.UTF_8) + picocliOut,
                    stderr.toString(StandardCharsets.UTF_8) + picocliErr);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
