package app.sendsongs.server;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /demo/people/{platform}/{id}}: whether the demo's bot knows the person on that chat account, so the demo
 * pages' listening panels say so however the person registered (in another browser, over the control API) and after
 * {@code forget_me}: {@code {"registered":true,"name","source","account"}} (the source as {@code spotify},
 * {@code lastfm} or {@code listenbrainz}, the account at it), or {@code {"registered":false}} (not a 404, which a
 * browser logs as an error on every poll). Only the demo serves it: a real server says to no one who uses it.
 */
final class DemoPeople {
    static final String PATH = "/demo/people/{platform}/{id}";

    private final Supplier<UserStore> users;

    DemoPeople(Supplier<UserStore> users) {
        this.users = users;
    }

    void register(Javalin http) {
        http.get(PATH, this::answer);
    }

    private void answer(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Optional<ChatAddress> address = address(ctx.pathParam("platform"), ctx.pathParam("id"));
        if (address.isEmpty()) {
            ctx.status(400).json(Map.of("error", "not a chat account"));
            return;
        }
        Optional<User> user = users.get().findUser(address.get());
        if (user.isEmpty()) {
            ctx.json(Map.of("registered", false));
            return;
        }
        User found = user.get();
        ctx.json(Map.of("registered", true, "name", found.name(),
                "source", found.connection().kind().name().toLowerCase(Locale.ROOT),
                "account", found.connection().accountId()));
    }

    private static Optional<ChatAddress> address(String platform, String id) {
        try {
            return Optional.of(new ChatAddress(Platform.of(platform), id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
