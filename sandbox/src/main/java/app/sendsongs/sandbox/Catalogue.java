package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated Spotify catalogue. Reads are lock-free on immutable snapshots; additions are rare.
 * The default content is {@code /sandbox/catalogue.json}; its first track is stable for docs and tests.
 */
public final class Catalogue {
    public static final String RESOURCE = "/sandbox/catalogue.json";

    /** A lookup result: the track to show and, when it was reached through relinking, the id asked for. */
    public record Resolved(CatalogueTrack track, String linkedFrom) {
    }

    private volatile Map<String, CatalogueTrack> tracks = Map.of();
    /** original id -> id of the catalogue track that stands in for it. */
    private volatile Map<String, String> relinks = Map.of();

    public static Catalogue loadDefault() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode array = JsonIo.MAPPER.readTree(in);
            List<CatalogueTrack> list = new ArrayList<>();
            array.forEach(node -> list.add(CatalogueTrack.fromJson(node)));
            Catalogue catalogue = new Catalogue();
            catalogue.add(list);
            return catalogue;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces tracks, all at once. */
    public synchronized void add(List<CatalogueTrack> added) {
        Map<String, CatalogueTrack> nextTracks = new LinkedHashMap<>(tracks);
        Map<String, String> nextRelinks = new LinkedHashMap<>(relinks);
        for (CatalogueTrack t : added) {
            CatalogueTrack previous = nextTracks.remove(t.id());
            if (previous != null && previous.linkedFrom() != null) {
                nextRelinks.remove(previous.linkedFrom(), previous.id());
            }
            nextTracks.put(t.id(), t);
            if (t.linkedFrom() != null) {
                nextRelinks.put(t.linkedFrom(), t.id());
            }
        }
        tracks = Collections.unmodifiableMap(nextTracks);
        relinks = Collections.unmodifiableMap(nextRelinks);
    }

    public List<CatalogueTrack> all() {
        return List.copyOf(tracks.values());
    }

    public Optional<CatalogueTrack> byId(String id) {
        return Optional.ofNullable(tracks.get(id));
    }

    /**
     * What Spotify answers for an id: the catalogue track itself, or for an original id that was relinked,
     * the track that replaced it (with {@code linkedFrom} = the id asked for).
     */
    public Optional<Resolved> resolve(String id) {
        CatalogueTrack direct = tracks.get(id);
        if (direct != null) {
            return Optional.of(new Resolved(direct, null));
        }
        String relinked = relinks.get(id);
        if (relinked != null) {
            CatalogueTrack replacement = tracks.get(relinked);
            if (replacement != null) {
                return Optional.of(new Resolved(replacement, id));
            }
        }
        return Optional.empty();
    }

    public boolean knows(String id) {
        return resolve(id).isPresent();
    }
}
