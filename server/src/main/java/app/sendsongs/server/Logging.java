package app.sendsongs.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The server's log: logback writing to standard error, as plain text lines ({@code LOG_FORMAT=text}, the
 * default, {@code logback.xml}) or one JSON object a line ({@code LOG_FORMAT=json}, {@code logback-json.xml}).
 */
final class Logging {
    static final String VARIABLE = "LOG_FORMAT";

    private Logging() {
    }

    /**
     * Routes java.util.logging (the core's) into the log and switches to the format {@code logFormat} names
     * ({@code null} or blank: text).
     *
     * @throws IllegalArgumentException when {@code logFormat} is neither {@code text} nor {@code json}
     */
    static void configure(String logFormat) {
        String format = logFormat == null || logFormat.isBlank() ? "text" : logFormat.strip().toLowerCase(Locale.ROOT);
        String resource = switch (format) {
            case "text" -> "/logback.xml";
            case "json" -> "/logback-json.xml";
            default -> throw new IllegalArgumentException(VARIABLE + " must be text or json, not " + logFormat);
        };
        load(Logging.class.getResource(resource));
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static void load(URL configuration) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            // logback keeps what it could read; its status lines below say what was wrong
        }
        new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
    }
}
