package app.sendsongs.server;

import app.sendsongs.core.bot.ChatProfile;
import app.sendsongs.messenger.MessengerConfig;
import app.sendsongs.messenger.MessengerProfile;
import app.sendsongs.messenger.MessengerProfileException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code send-songs messenger-profile}: the page's Messenger profile set, shown or removed. */
@Command(name = "messenger-profile", mixinStandardHelpOptions = true,
        description = "Set the page's Messenger profile: the Get Started button, the greeting, the persistent "
                + "menu (send a song, my songs, groups, help) and the ice breakers, through the Graph API's "
                + "me/messenger_profile with MESSENGER_PAGE_ACCESS_TOKEN; then print what the page holds. Run it "
                + "once after setting up the page, and again after an upgrade that changes them.")
final class MessengerProfileCommand extends EnvironmentSettings implements Callable<Integer> {
    /** The variables messenger-profile reads. */
    static final List<String> VARIABLES = List.of("MESSENGER_PAGE_ACCESS_TOKEN", "MESSENGER_GRAPH_BASE_URL",
            "MESSENGER_GRAPH_VERSION");

    @Option(names = "--show", description = "Only print what the page's profile holds now.")
    boolean show;

    @Option(names = "--delete", description = "Remove the Get Started button, greeting, persistent menu and "
            + "ice breakers.")
    boolean delete;

    @Override
    public Integer call() throws Exception {
        Map<String, String> values = values();
        String token = values.get("MESSENGER_PAGE_ACCESS_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("MESSENGER_PAGE_ACCESS_TOKEN must be set (the page access token of "
                    + "docs/operations.md).");
            return 2;
        }
        Optional<String> versionProblem = ServerConfig.graphVersionProblem(values.get("MESSENGER_GRAPH_VERSION"));
        if (versionProblem.isPresent()) {
            System.err.println(versionProblem.get());
            return 2;
        }
        MessengerConfig config = new MessengerConfig(values.get("MESSENGER_GRAPH_BASE_URL"),
                values.get("MESSENGER_GRAPH_VERSION"), token, null, null);
        MessengerProfile profile = new MessengerProfile(config);
        try {
            if (delete) {
                profile.delete();
                System.out.println("Removed the page's Get Started button, greeting, persistent menu and ice "
                        + "breakers.");
            } else if (!show) {
                profile.set(ChatProfile.standard());
                System.out.println("Set the page's Get Started button, greeting, persistent menu and ice "
                        + "breakers (Graph " + config.graphVersion() + "). The page's profile now:");
            }
            System.out.println(profile.current().toPrettyString());
            return 0;
        } catch (MessengerProfileException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
