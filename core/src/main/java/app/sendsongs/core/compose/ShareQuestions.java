package app.sendsongs.core.compose;

import static app.sendsongs.core.compose.RecipientTaps.SOMEONE_ELSE;
import static app.sendsongs.core.compose.RecipientTaps.TYPE_A_NAME;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.WordsForTaps;
import app.sendsongs.core.share.WordsForWho;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The questions a share stands at, with their taps ("Who is … for?", "Send … to Bob?", "Type the note …"), and which
 * of those taps words typed there mean.
 */
final class ShareQuestions {
    private static final String NO_DRAFT = "To send a song, paste its Spotify link here (in Spotify: Share, then "
            + "Copy link) and I'll ask who it's for. Or send it in one go: {send_song} name:\"Bob Fisher\" <link>";

    private final RecipientTaps taps;
    private final SendSong sendSong;

    ShareQuestions(RecipientTaps taps, SendSong sendSong) {
        this.taps = taps;
        this.sendSong = sendSong;
    }

    /** The question a share stands at, again, after {@code lead}. */
    Message askAgain(ShareDraft draft, String lead) {
        return switch (draft.stage()) {
            case WHO -> Message.text(lead + whoAgain(draft)).withChoices(taps.whoTaps(draft));
            case NOTE -> Message.text(lead + askForNote(draft, false));
            case AFTER_NOTE -> Message.text(lead + askForNote(draft, true));
            case READY -> ready(draft, lead);
        };
    }

    /**
     * "Who is it for?" again; after the person invited someone for the song (the share stays, in case they meant
     * someone registered), that the invite waits, so the question does not read as if the song went nowhere.
     */
    private String whoAgain(ShareDraft draft) {
        boolean tapsOffered = !draft.offered().isEmpty();
        return sendSong.invitedFor(draft.person(), draft.track())
                .map(friend -> "Your invite for " + Names.quoted(friend) + " waits for them. To send " + draft.title()
                        + " to someone registered too, type their name" + (tapsOffered ? " or tap them." : "."))
                .orElseGet(() -> "Who is " + draft.title() + " for?" + (tapsOffered ? "" : " Type their name."));
    }

    /** "Send it now, or add a note first?" Or send it to someone else, asked who again. */
    Message ready(ShareDraft draft, String lead) {
        String text = lead + "Send " + draft.title() + " to "
                + taps.name(draft.person(), draft.recipient().orElseThrow()) + "?" + notesShown(draft);
        String key = " #" + draft.key();
        List<Choice> choices = new ArrayList<>(List.of(sendTap(draft),
                new Choice(draft.pre().isEmpty() ? "Add a note" : "Change the note", "note" + key),
                new Choice(draft.post().isEmpty() ? "Note for after" : "Change after-note", "after" + key)));
        if (!draft.pre().isEmpty()) {
            choices.add(noNoteTap(draft));
        }
        choices.add(someoneElseTap(draft));
        choices.add(dontSendTap(draft));
        return Message.text(text).withChoices(choices);
    }

    /** What a share asks for when it waits for a note: the one that goes with the song, or the one for after. */
    String askForNote(ShareDraft draft, boolean afterPlay) {
        String who = taps.name(draft.person(), draft.recipient().orElseThrow());
        return afterPlay ? "Type the note " + who + " gets once they've played it."
                : "Type the note that goes with the song to " + who + ".";
    }

    /**
     * The payload of the tap a person meant by typing words rather than tapping, while the share waits at a question
     * with taps ({@link WordsForTaps}): at "Send … to Bob?", a tap's title, a yes (Send) or a no (Don't send); at "Who
     * is it for?", "Someone else" or a yes (which asks for the name) or a no, which drops the song. While it waits for
     * a note, which may be any words, only a bare {@code cancel} or {@code discard} is Don't send: someone sharing a
     * song who types it means this one. Empty for other words, a name or a note as before.
     */
    Optional<String> tapMeant(ShareDraft draft, String typed) {
        Optional<String> no = Optional.of(dontSendTap(draft).payload());
        return switch (draft.stage()) {
            // a yes, or small talk ("thanks", "hi"), names nobody: it asks for the name, as "Someone else" does, rather
            // than inviting someone called "ok" or "thanks"
            case WHO -> WordsForWho.isSmallTalk(typed) ? Optional.of(SOMEONE_ELSE.payload())
                    : WordsForTaps.tapMeant(typed, List.of(SOMEONE_ELSE, TYPE_A_NAME),
                    Optional.of(SOMEONE_ELSE.payload()), no);
            // "No note" too when its tap is not shown (there is no note): typed, it is no note, not the note "no note"
            case READY -> WordsForTaps.tapMeant(typed, Stream.concat(ready(draft, "").choices().stream(),
                    Stream.of(noNoteTap(draft))).toList(), Optional.of(sendTap(draft).payload()), no);
            case NOTE, AFTER_NOTE -> WordsForTaps.cancelOrDiscard(typed) ? no : Optional.empty();
        };
    }

    /** The share's notes so far, a line each, to show under its question. */
    static String notesShown(ShareDraft draft) {
        return (draft.pre().isEmpty() ? "" : "\nWith it: " + Texts.note(draft.pre()))
                + (draft.post().isEmpty() ? "" : "\nOnce they've played it: " + Texts.note(draft.post()));
    }

    /** Send, keyed to the song and person it is about ({@link ShareDraft#key}). */
    static Choice sendTap(ShareDraft draft) {
        return new Choice("Send", "send #" + draft.key());
    }

    /** No note, keyed as {@link #sendTap} is. */
    private static Choice noNoteTap(ShareDraft draft) {
        return new Choice("No note", "note " + Command.DraftNote.NONE + " #" + draft.key());
    }

    /** Someone else, keyed as {@link #sendTap} is. */
    static Choice someoneElseTap(ShareDraft draft) {
        return new Choice(SOMEONE_ELSE.title(), SOMEONE_ELSE.payload() + " #" + draft.key());
    }

    /** Don't send, keyed as {@link #sendTap} is. */
    static Choice dontSendTap(ShareDraft draft) {
        return new Choice("Don't send", "discard #" + draft.key());
    }

    /** What a step of a share gets when there is no share to take it, in the person's spelling of commands. */
    static Message noDraft(User person) {
        return Message.text(CommandStyle.of(person.address()).write(NO_DRAFT));
    }
}
