package app.sendsongs.modulefixture.core;

import app.sendsongs.modulefixture.server.ServerPart;

/** A core class that uses a runtime: what ModuleRules forbids. */
public final class CorePart {
    public ServerPart runtime() {
        return new ServerPart();
    }
}
