package app.sendsongs.core.compose;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Acquaintances;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.FriendFinder;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.TellingNames;
import app.sendsongs.core.share.TrackLookup;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.share.WordsForWho;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.util.Optional;

/**
 * A share made step by step, as people share on a phone: they paste a link (or a sentence with one), the bot shows
 * the song and offers their recent contacts and groups as taps; they tap one, and the bot offers to send it now or
 * add a note first. A share without notes takes two taps after pasting. Typing works at every step: a name instead
 * of a tap, the note when asked for it, {@code send}, {@code discard}. The half-made share is kept in the store
 * ({@link DraftStore}), so it survives a restart, and is dropped an hour after its last step.
 *
 * <p>This is what the bot calls; each part of a share is a class of its own: {@link ShareStart} begins it, {@link
 * WhoIsItFor} reads who it is for (with {@link NamesGiven}), {@link DraftNotes} takes its notes, {@link DraftSending}
 * sends or drops it, {@link ShareQuestions} asks each step's question with the taps of {@link RecipientTaps}, and
 * {@link OpenDrafts} keeps it the hour. {@link KeptSongs} keeps the song someone pasted before registering, until
 * they have.
 */
public final class LinkShare {
    /** Before "Send … to Bob?" asked again after a pause or a bare question ("wait", "who?"), which is no note. */
    private static final String NO_RUSH = "No rush: nothing goes until you tap Send. ";
    private final OpenDrafts drafts;
    private final TrackLookup tracks;
    private final ShareQuestions questions;
    private final DraftNotes notes;
    private final DraftSending sending;
    private final WhoIsItFor who;
    private final ShareStart start;
    private final KeptSongs kept;

    public LinkShare(DraftStore drafts, TrackLookup tracks, UserStore users, Acquaintances acquaintances, Groups groups,
                     FriendFinder friends, WhichPerson whichPerson, ChoiceStore choices, SendSong sendSong,
                     TellingNames names, Clock clock) {
        this.drafts = new OpenDrafts(drafts, clock);
        this.tracks = tracks;
        RecipientTaps recipientTaps = new RecipientTaps(users, acquaintances, groups, whichPerson, names);
        this.questions = new ShareQuestions(recipientTaps, sendSong);
        this.notes = new DraftNotes(this.drafts, recipientTaps, questions);
        this.sending = new DraftSending(this.drafts, users, sendSong, groups, questions);
        NamesGiven namesGiven = new NamesGiven(friends, groups);
        this.who = new WhoIsItFor(this.drafts, friends, groups, whichPerson, sendSong, namesGiven, recipientTaps,
                questions, sending);
        this.start = new ShareStart(this.drafts, tracks, friends, groups, choices, sendSong, namesGiven, recipientTaps,
                who);
        this.kept = new KeptSongs(drafts, tracks, start, clock);
    }

    /**
     * A song pasted (or sent with {@code send_song}) by someone not registered: kept until they connect, when it is
     * in the catalogue ({@link KeptSongs}); what to tell them before the welcome.
     */
    public String keepForNewcomer(ChatAddress newcomer, SongLink song) {
        return kept.keep(newcomer, song);
    }

    /** {@code person} registered just now: the question that starts the share of the song kept for them, if any. */
    public Optional<Message> keptSongAsked(User person) {
        return kept.registered(person);
    }

    /** Someone not registered asked to be forgotten: the song kept for them goes. */
    public void forgetKept(ChatAddress newcomer) {
        kept.forget(newcomer);
    }

    /** The person's unfinished share, unless it expired. */
    public Optional<ShareDraft> draftOf(User person) {
        return drafts.of(person);
    }

    /** The commands of a share made step by step; {@code typed} is kept if the bot must ask who was meant. */
    public Message handle(User person, Command.DraftCommand command, String typed) {
        return switch (command) {
            case Command.StartShare share -> start.start(person, share);
            case Command.DraftTo to -> draftOf(person).map(draft -> tapOfAnotherQuestion(draft, to.key())
                    .orElseGet(() -> who.to(person, draft, to, typed))).orElseGet(() -> ShareQuestions.noDraft(person));
            case Command.DraftNote note -> draftOf(person).map(draft -> tapOfAnotherQuestion(draft, note.key())
                    .orElseGet(() -> notes.note(draft, note))).orElseGet(() -> ShareQuestions.noDraft(person));
            case Command.DiscardDraft discard -> sending.discard(person, discard);
            case Command.SendDraft send -> draftOf(person).map(draft -> sending.sendIfStill(person, draft, send))
                    .orElseGet(() -> ShareQuestions.noDraft(person));
        };
    }

    /**
     * A tap under a "Send it to Bob?" that is not the question the share stands at now (Telegram keeps the buttons of
     * older messages; on Messenger a tap can cross the bot's newer question): another song's, dropped for this one, or
     * this song's for someone else. It does nothing, and the open question is asked again, with its taps, so that a
     * note meant for one song does not go with another. Empty for a tap of the open question, or typed words.
     */
    private Optional<Message> tapOfAnotherQuestion(ShareDraft draft, Optional<String> key) {
        return key.filter(shown -> !shown.equals(draft.key()))
                .map(shown -> questions.askAgain(draft, "That tap answered an earlier question, so I did nothing. "));
    }

    /**
     * Text that is no command, typed while a share is unfinished: the name of who it's for, or the note the bot asked
     * for (or, once who is known, the note that goes with the song).
     */
    public Message typed(User person, ShareDraft draft, String text) {
        return switch (draft.stage()) {
            case WHO -> who.typed(person, draft, text);
            case READY -> WordsForWho.isPauseOrQuestion(text) ? questions.askAgain(draft, NO_RUSH)
                    : who.namedInstead(person, draft, text).orElseGet(() -> notes.labelled(draft, text));
            case NOTE -> notes.typed(draft, text, false);
            case AFTER_NOTE -> notes.typed(draft, text, true);
        };
    }

    /**
     * The payload of the tap a person meant by typing words rather than tapping, while the share waits at a question
     * with taps: at "Send … to Bob?", a tap's title, a yes (Send) or a no (Don't send); at "Who is it for?", "Someone
     * else" or a yes (which asks for the name) or a no, which drops the song; while it waits for a note, only a bare
     * {@code cancel} or {@code discard} (Don't send). Empty for other words, a name or a note as before.
     */
    public Optional<String> tapMeant(ShareDraft draft, String typed) {
        return questions.tapMeant(draft, typed);
    }

    /**
     * A bare number while the bot offered people and groups as taps: the one at that place. Once who it is for is
     * chosen, the question the share stands at is asked again.
     */
    public Message choose(User person, ShareDraft draft, int number) {
        return who.choose(person, draft, number);
    }

    /**
     * A tap of the offer the share was shown with ({@link ShareDraft#offerKey}): that person or group, also once
     * another was chosen. Telegram keeps the offer's buttons until the bot takes them off, so a second tap there is a
     * change of mind (or the same tap again); it sends nothing, and asks "Send … to …?" anew.
     */
    public Message chooseOffered(User person, ShareDraft draft, int number) {
        return who.chooseOffered(person, draft, number);
    }

    /**
     * The answer to "which one?" (or "did you mean?") asked about a name typed for the song being shared; after a
     * name that still matches nobody, the number after the people offered invites it as typed. The number after those
     * is the question's last tap, Don't send, which drops the song as the share's own Don't send does.
     */
    public Message chooseAsked(User person, PendingChoice choice, Command.DraftTo command, int number) {
        return who.chooseAsked(person, choice, command, number);
    }

    /**
     * {@code send_song <link> <words>}, the words only after the link ({@link Command.SendSong#wordsAsNote}): sent at
     * once, as {@code send_song} sends, when they name someone (an @username, a registered name, a contact's first
     * name; several people are asked about) or a group of the sender's, or come close to a contact's name ("did you
     * mean"). When they name nobody the sender knows they are the song's note, and the bot asks who it is for as for a
     * pasted link, with a tap that invites someone by those words, should they be a newcomer's name.
     */
    public Message sendOrAsk(User person, Command.SendSong command, String typed) {
        return start.sendOrAsk(person, command, typed);
    }

    /**
     * {@code send_song} to a name ({@code send_song Family <link>}, {@code send song to Bob <link>}, {@code
     * name:"…"}): to the person it names, else to the sender's group of that name (or "which one?" among their groups
     * of it), else as {@link SendSong#send} answers a name nobody has: "did you mean", or an invite. A group's name is
     * never taken for a newcomer's.
     */
    public Message sendToName(User person, Command.SendSong command, String typed) {
        return start.sendToName(person, command, typed);
    }

    /**
     * The answer to "which one?" asked about the groups a name typed for the song being shared fits: the group picked
     * is who it is for, as if named alone (so "Send … to Family (Bob Fisher's)?", or sent at once after {@code
     * send_song group:Family}); Don't send drops the song, as it does at the share's own questions.
     */
    public Message chooseGroupAsked(User person, PendingChoice choice, int number) {
        return who.chooseGroupAsked(person, choice, number);
    }

    /**
     * What a tap of the people offered for {@code song} is told while another song is being shared ({@code draft}):
     * which song that question was about, before the open question is asked again, so that nobody takes the tap
     * for an answer about the song now being shared. Empty when the tap names no song, this one, or one the catalogue
     * cannot name now.
     */
    public Optional<String> tapForAnotherSong(ShareDraft draft, Optional<TrackId> song) {
        return song.filter(id -> !id.equals(draft.track())).flatMap(id -> switch (tracks.find(id)) {
            case TrackLookup.Result.Found(Track track) -> Optional.of("That tap was for " + track.title()
                    + ", not the song you're sharing now, so I did nothing. ");
            case TrackLookup.Result.Refused refused -> Optional.<String>empty();
        });
    }

    /** The question a share stands at, again, after {@code lead}. */
    public Message askAgain(ShareDraft draft, String lead) {
        return questions.askAgain(draft, lead);
    }
}
