package app.sendsongs.core.music;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The listening sources this server is configured with, at most one per {@link SourceKind}. */
public final class ListeningSources {
    private final Map<SourceKind, ListeningSource> byKind = new EnumMap<>(SourceKind.class);

    public ListeningSources(Iterable<? extends ListeningSource> sources) {
        for (ListeningSource source : sources) {
            if (byKind.put(source.kind(), source) != null) {
                throw new IllegalArgumentException("two listening sources of kind " + source.kind());
            }
        }
    }

    public Optional<ListeningSource> find(SourceKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The kinds configured, in the order of {@link SourceKind}. */
    public List<SourceKind> kinds() {
        return List.copyOf(byKind.keySet());
    }

    public boolean has(SourceKind kind) {
        return byKind.containsKey(kind);
    }
}
