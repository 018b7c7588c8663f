package app.sendsongs.core.user;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.music.SourceKind;
import java.util.List;

/** Listening sources offered as tap choices: tapping one is typing {@code connect <source>}. */
public final class SourceChoices {
    private SourceChoices() {
    }

    /** One choice per source, in the order given. */
    public static List<Choice> of(List<SourceKind> kinds) {
        return kinds.stream().map(SourceChoices::of).toList();
    }

    public static Choice of(SourceKind kind) {
        return new Choice(kind.displayName(), "connect " + kind.id());
    }
}
