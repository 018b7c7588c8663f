package app.sendsongs.core.compose;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.List;
import java.util.Optional;

/** A share's end: sent (or kept when over a limit), or dropped with Don't send. */
final class DraftSending {
    private final OpenDrafts drafts;
    private final UserStore users;
    private final SendSong sendSong;
    private final Groups groups;
    private final ShareQuestions questions;

    DraftSending(OpenDrafts drafts, UserStore users, SendSong sendSong, Groups groups, ShareQuestions questions) {
        this.drafts = drafts;
        this.users = users;
        this.sendSong = sendSong;
        this.groups = groups;
        this.questions = questions;
    }

    /**
     * The Send tap of a "Send it to Bob?": the share goes only when it is still the song and person asked about. A tap
     * under an older question (Telegram keeps its buttons) is answered with the question as it stands now.
     */
    Message sendIfStill(User person, ShareDraft draft, Command.SendDraft command) {
        if (draft.stage() != ShareDraft.Stage.WHO && draft.key().equals(command.key())) {
            return send(person, draft);
        }
        return questions.askAgain(draft, "That Send was for an earlier question, so I didn't send anything. ");
    }

    Message send(User person, ShareDraft draft) {
        if (draft.recipient().orElseThrow() instanceof Recipient.Group(String groupId) && !groups.isIn(person, groupId)) {
            ShareDraft again = draft.without(draft.recipient().get(), drafts.expiry());
            drafts.save(again);
            return questions.askAgain(again, "You're no longer in that group (it was deleted, or you left it), so I "
                    + "didn't send it. ");
        }
        Optional<Message> overLimit = keptOverLimit(person, draft);
        if (overLimit.isPresent()) {
            return overLimit.get();
        }
        drafts.delete(person); // first: a second "send" must not send it twice
        SongLink song = SongLink.of(draft.track());
        return switch (draft.recipient().orElseThrow()) {
            case Recipient.Person(ChatAddress address) -> users.findUser(address)
                    .map(friend -> sendSong.sendToPicked(person, friend, song, draft.pre(), draft.post()))
                    .orElseGet(() -> Message.text("That person is no longer registered, so nothing was sent."));
            case Recipient.Group(String groupId) ->
                    Message.text(groups.sendTo(person, groupId, song, draft.pre(), draft.post()));
        };
    }

    /**
     * A bare {@code send_song}, which both menus send ("Send a song" on Messenger, {@code /send} on Telegram): a
     * person who taps it means to start sending, so a share waiting for its go-ahead is asked about again, with its
     * taps, rather than sent unseen; one waiting for a note is asked about as ready, its note not given.
     */
    Message askBeforeSending(ShareDraft draft) {
        ShareDraft ready = drafts.saveAt(draft, ShareDraft.Stage.READY);
        Message question = questions.ready(ready, "You haven't sent this song yet. ");
        return question.withText(question.text() + "\nOr paste another song's link to send that one instead.");
    }

    /**
     * A song to a friend over one of the sender's limits is not sent, but the share is kept, with its notes, so that
     * nothing typed is lost: for someone else when the limit is that friend's, to send later when it is the hour's.
     */
    private Optional<Message> keptOverLimit(User person, ShareDraft draft) {
        if (!(draft.recipient().orElseThrow() instanceof Recipient.Person(ChatAddress address))) {
            return Optional.empty();
        }
        return users.findUser(address).flatMap(friend -> sendSong.overLimit(person, friend)).map(over -> {
            ShareDraft kept = drafts.saveAt(draft, ShareDraft.Stage.READY);
            String lead = over.reason() + "\nI've kept " + kept.title() + notesKept(kept) + " for the next hour, ";
            return over.toAnyone()
                    ? Message.text(lead + "so you can send it once you can send again.")
                            .withChoices(List.of(ShareQuestions.sendTap(kept), ShareQuestions.dontSendTap(kept)))
                    : Message.text(lead + "so you can send it to someone else.").withChoices(List.of(
                            ShareQuestions.someoneElseTap(kept), ShareQuestions.dontSendTap(kept)));
        });
    }

    /** " and your note(s)" when the share has any, to say what is kept with the song. */
    private static String notesKept(ShareDraft draft) {
        int notes = (draft.pre().isEmpty() ? 0 : 1) + (draft.post().isEmpty() ? 0 : 1);
        return notes == 0 ? "" : notes == 1 ? " and your note" : " and your notes";
    }

    /** Don't send: the share is dropped, unless the tap was under an older question, which is asked again. */
    Message discard(User person, Command.DiscardDraft command) {
        Optional<ShareDraft> draft = drafts.of(person);
        if (draft.isPresent() && command.key().filter(key -> !key.equals(draft.get().key())).isPresent()) {
            return questions.askAgain(draft.get(), "That Don't send was for an earlier question, so I kept the one "
                    + "you're sharing now. ");
        }
        boolean had = draft.isPresent();
        drafts.delete(person);
        return Message.text(had ? "OK, I've dropped that song." : "There was no song to drop.");
    }
}
