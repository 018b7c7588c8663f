package app.sendsongs.cyclefixture.beta;

import app.sendsongs.cyclefixture.alpha.Alpha;

/** Uses {@link Alpha}, which uses this: a cycle for ArchitectureTest to find. */
public final class Beta {
    public Alpha alpha() {
        return new Alpha();
    }
}
