package app.sendsongs.bench.watch;

import app.sendsongs.core.music.SourceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Which listening source the simulated people connected, as whole percentages of the population:
 * {@code spotify:60,lastfm:20,listenbrainz:20}. A source left out has no one.
 */
record SourceMix(Map<SourceKind, Integer> percent) {
    static final SourceMix DEFAULT = parse("spotify:60,lastfm:20,listenbrainz:20");

    SourceMix {
        percent = Collections.unmodifiableMap(new EnumMap<>(percent));
        if (percent.values().stream().mapToInt(Integer::intValue).sum() != 100
                || percent.values().stream().anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("the sources' shares are percentages adding up to 100, not " + percent);
        }
    }

    /** @throws IllegalArgumentException for an unknown source or shares not adding up to 100 */
    static SourceMix parse(String text) {
        Map<SourceKind, Integer> percent = new EnumMap<>(SourceKind.class);
        for (String part : text.split(",")) {
            String[] pair = part.strip().split(":");
            SourceKind kind = pair.length == 2 ? SourceKind.named(pair[0].strip()).orElse(null) : null;
            if (kind == null) {
                throw new IllegalArgumentException("--sources is source:percent,... with spotify, lastfm and "
                        + "listenbrainz, not " + text);
            }
            try {
                percent.merge(kind, Integer.parseInt(pair[1].strip()), Integer::sum);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sources: " + pair[1] + " is not a whole percentage");
            }
        }
        return new SourceMix(percent);
    }

    int of(SourceKind kind) {
        return percent.getOrDefault(kind, 0);
    }

    /**
     * Each of {@code people}'s source: the shares rounded to whole people, shuffled with {@code random} (a
     * generator of its own, so the population's listening is the same whatever the mix).
     */
    SourceKind[] assign(int people, Random random) {
        List<SourceKind> sources = new ArrayList<>(people);
        int given = 0;
        List<SourceKind> kinds = List.copyOf(percent.keySet());
        for (int i = 0; i < kinds.size(); i++) {
            int count = i == kinds.size() - 1 ? people - given
                    : (int) Math.round(people * percent.get(kinds.get(i)) / 100.0);
            count = Math.min(count, people - given);
            for (int n = 0; n < count; n++) {
                sources.add(kinds.get(i));
            }
            given += count;
        }
        Collections.shuffle(sources, random);
        return sources.toArray(SourceKind[]::new);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        percent.forEach((kind, share) -> text.append(text.isEmpty() ? "" : ",")
                .append(kind.id()).append(':').append(share));
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
