package app.sendsongs.server;

/**
 * The jar's entry point, compiled for Java 8 so that an older Java can run it far enough to say, in
 * one line, which Java is needed (instead of an UnsupportedClassVersionError and its stack trace).
 * On Java 21 or newer it hands over to {@code Main}.
 */
public final class Launcher {
    static final int REQUIRED_JAVA = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        int running = feature(System.getProperty("java.specification.version", "0"));
        if (running < REQUIRED_JAVA) {
            System.err.println("Send Songs needs Java " + REQUIRED_JAVA + " or newer; this is Java "
                    + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ").");
            System.exit(1);
        }
        Class.forName("app.sendsongs.server.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    /** "1.8" is 8, "17" is 17. */
    static int feature(String specificationVersion) {
        String version = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
