package app.sendsongs.cyclefixture.alpha;

import app.sendsongs.cyclefixture.beta.Beta;

/** Uses {@link Beta}, which uses this: a cycle for ArchitectureTest to find. */
public final class Alpha {
    public Beta beta() {
        return new Beta();
    }
}
