package app.sendsongs.modulefixture.lambda;

import app.sendsongs.modulefixture.server.ServerPart;

/** A runtime that uses another runtime: what ModuleRules forbids. */
public final class LambdaPart {
    public ServerPart other() {
        return new ServerPart();
    }
}
