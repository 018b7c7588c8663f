package app.sendsongs.modulefixture.server;

/** A runtime's class, used where it must not be (see ModuleArchitectureTest). */
public final class ServerPart {
}
