package app.sendsongs.core.user;

import app.sendsongs.core.registration.ConnectLink;
import app.sendsongs.core.store.Store;

/** The {@code forget_me} command: everything stored about the person goes. */
public final class ForgetMe {
    private final Store store;
    private final ConnectLink connectLink;

    public ForgetMe(Store store, ConnectLink connectLink) {
        this.store = store;
        this.connectLink = connectLink;
    }

    public String forget(User user) {
        store.forgetPerson(user.psid());
        return "Done: I've deleted everything I kept about you — your Spotify connection, your name, the songs you "
                + "sent and received. To use Send Songs again, connect at " + connectLink.url();
    }
}
