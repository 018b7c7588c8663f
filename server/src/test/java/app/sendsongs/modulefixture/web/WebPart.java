package app.sendsongs.modulefixture.web;

import app.sendsongs.modulefixture.messenger.MessengerPart;

/** The web adapter using Messenger's: the one use between adapters ModuleRules allows. */
public final class WebPart {
    public MessengerPart intake() {
        return new MessengerPart();
    }
}
