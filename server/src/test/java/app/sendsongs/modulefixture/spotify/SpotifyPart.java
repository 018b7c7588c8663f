package app.sendsongs.modulefixture.spotify;

/** An adapter's class, used where it must not be (see ModuleArchitectureTest). */
public final class SpotifyPart {
}
