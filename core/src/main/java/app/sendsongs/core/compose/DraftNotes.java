package app.sendsongs.core.compose;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.shared.UserText;
import app.sendsongs.core.user.Names;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notes of a share: asked for ("Add a note", "Note for after"), typed (labelled or not), given with {@code note},
 * removed ("No note"), and kept when who it is for is given.
 */
final class DraftNotes {
    /** A label typed before a note at "Send … to Bob?" ("note: the bridge", "after: told you"). */
    private static final Pattern NOTE_LABEL = Pattern.compile("(?i)(note|after)\\s*:\\s*");

    private final OpenDrafts drafts;
    private final RecipientTaps taps;
    private final ShareQuestions questions;

    DraftNotes(OpenDrafts drafts, RecipientTaps taps, ShareQuestions questions) {
        this.drafts = drafts;
        this.taps = taps;
        this.questions = questions;
    }

    /**
     * A note typed at "Send … to Bob?", where the note for after is told apart by its label ("after: told you"); one
     * labelled "note:" goes with the song without the label.
     */
    Message labelled(ShareDraft draft, String text) {
        Matcher label = NOTE_LABEL.matcher(text.strip());
        if (!label.lookingAt()) {
            return typed(draft, text, false);
        }
        return typed(draft, text.strip().substring(label.end()), label.group(1).equalsIgnoreCase("after"));
    }

    /**
     * A typed note, cleaned and held to the length of one given with {@code note}; one too long leaves the share as
     * it was, and its question is asked again with its taps, which Messenger shows under the newest message only.
     */
    Message typed(ShareDraft draft, String text, boolean afterPlay) {
        String note = UserText.cleanNote(text);
        if (note.equalsIgnoreCase(Command.DraftNote.NONE)) {
            return note(draft, Command.DraftNote.removal(afterPlay));
        }
        if (UserText.tooLongForANote(note)) {
            return questions.askAgain(draft, UserText.NOTE_TOO_LONG + " ");
        }
        return note(draft, new Command.DraftNote(Optional.of(note).filter(n -> !n.isEmpty()), afterPlay));
    }

    /** {@code note}: without its text, the note is asked for; with it (empty for none), it is the share's. */
    Message note(ShareDraft draft, Command.DraftNote command) {
        if (command.text().isEmpty()) {
            return askFor(draft, command.afterPlay());
        }
        String text = command.text().get();
        ShareDraft noted = command.afterPlay() ? draft.withNotes(draft.pre(), text)
                : draft.withNotes(text, draft.post());
        String lead = text.isEmpty() ? "OK, no note. " : "Noted. ";
        if (noted.recipient().isEmpty()) {
            drafts.saveAt(noted, ShareDraft.Stage.WHO);
            return Message.text(lead + "Who is it for?").withChoices(taps.taps(noted));
        }
        ShareDraft ready = drafts.saveAt(noted, ShareDraft.Stage.READY);
        return questions.ready(ready, lead);
    }

    private Message askFor(ShareDraft draft, boolean afterPlay) {
        if (draft.recipient().isEmpty()) {
            return Message.text("First tell me who " + draft.title() + " is for; then you can add notes.")
                    .withChoices(taps.whoTaps(draft));
        }
        drafts.saveAt(draft, afterPlay ? ShareDraft.Stage.AFTER_NOTE : ShareDraft.Stage.NOTE);
        return Message.text(questions.askForNote(draft, afterPlay));
    }

    /** The share with the notes {@code command} gives, the ones it does not give as they were. */
    static ShareDraft withNotesOf(ShareDraft draft, Command.DraftTo command) {
        return draft.withNotes(command.pre().isEmpty() ? draft.pre() : command.pre(),
                command.post().isEmpty() ? draft.post() : command.post());
    }

    /**
     * The share without its note when the note is the very name now given for who it is for: words beside a link that
     * named nobody the sender knew were kept as its note ("Carol Jones <link>"); given as the name, they were one.
     */
    static ShareDraft withoutNoteNamed(ShareDraft draft, Optional<String> name) {
        boolean named = name.filter(n -> !draft.pre().isEmpty() && Names.key(n).equals(Names.key(draft.pre())))
                .isPresent();
        return named ? draft.withNotes("", draft.post()) : draft;
    }
}
