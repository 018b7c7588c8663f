package app.sendsongs.core.compose;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Acquaintances;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.FriendFinder;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.ShownPendingList;
import app.sendsongs.core.share.SongMessage;
import app.sendsongs.core.share.TellingNames;
import app.sendsongs.core.share.TrackLookup;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.shared.UserText;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A share made step by step, as people share on a phone: they paste a link (or a sentence with one), the bot shows
 * the song and offers their recent contacts and groups as taps; they tap one, and the bot offers to send it now or
 * add a note first. A share without notes takes two taps after pasting. Typing works at every step: a name instead
 * of a tap, the note when asked for it, {@code send}, {@code discard}. The half-made share is kept in the store
 * ({@link DraftStore}), so it survives a restart, and is dropped an hour after its last step.
 */
public final class LinkShare {
    /** The quotes that would end a name given as {@code name:"…"}. */
    private static final String QUOTES = "\"“”„«»";
    /** Said under "Who is it for?" when the words beside the link were too long for its note. */
    private static final String WORDS_TOO_LONG = "\nYour words were too long for a note (at most " + UserText.MOST_NOTE
            + " characters), so the song waits without them. Once you've chosen who it's for, tap Add a note to "
            + "write a shorter one.";

    private final OpenDrafts drafts;
    private final TrackLookup tracks;
    private final UserStore users;
    private final Groups groups;
    private final FriendFinder friends;
    private final WhichPerson whichPerson;
    private final ChoiceStore choices;
    private final SendSong sendSong;
    private final RecipientTaps recipientTaps;
    private final ShareQuestions questions;
    private final DraftNotes notes;
    private final DraftSending sending;
    private final NamesGiven namesGiven;
    private final WhoIsItFor who;

    public LinkShare(DraftStore drafts, TrackLookup tracks, UserStore users, Acquaintances acquaintances, Groups groups,
                     FriendFinder friends, WhichPerson whichPerson, ChoiceStore choices, SendSong sendSong,
                     TellingNames names, Clock clock) {
        this.drafts = new OpenDrafts(drafts, clock);
        this.tracks = tracks;
        this.users = users;
        this.groups = groups;
        this.friends = friends;
        this.whichPerson = whichPerson;
        this.choices = choices;
        this.sendSong = sendSong;
        this.recipientTaps = new RecipientTaps(users, acquaintances, groups, whichPerson, names);
        this.questions = new ShareQuestions(recipientTaps);
        this.notes = new DraftNotes(this.drafts, recipientTaps, questions);
        this.sending = new DraftSending(this.drafts, users, sendSong, groups, questions);
        this.namesGiven = new NamesGiven(friends, groups);
        this.who = new WhoIsItFor(this.drafts, friends, groups, whichPerson, sendSong, namesGiven, recipientTaps,
                questions, sending);
    }

    /** The person's unfinished share, unless it expired. */
    public Optional<ShareDraft> draftOf(User person) {
        return drafts.of(person);
    }

    /** The commands of a share made step by step; {@code typed} is kept if the bot must ask who was meant. */
    public Message handle(User person, Command.DraftCommand command, String typed) {
        return switch (command) {
            case Command.StartShare start -> start(person, start);
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
            case READY -> who.namedInstead(person, draft, text).orElseGet(() -> notes.labelled(draft, text));
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
        String words = command.friendName();
        if (namesGiven.namesOnlyAGroup(person, words)) {
            return toGroup(person, command, typed);
        }
        if (Handles.typed(words).isPresent() || !friends.matchesNobody(person, words)) {
            return sendSong.send(person, command, typed);
        }
        Optional<String> notAName = namesGiven.notAName(person, words);
        if (notAName.isPresent()) {
            return offerInstead(person, command, notAName.get());
        }
        if (!friends.closeContacts(person, words).isEmpty()) {
            return sendSong.send(person, command, typed);
        }
        return switch (tracks.find(command.song())) {
            case TrackLookup.Result.Refused(String reply) -> Message.text(reply);
            case TrackLookup.Result.Found(Track track) -> replacing(person, track, () -> offer(person, track,
                    command.wordsAsNote().orElseThrow(), command.post(), inviteTap(words), List.of()));
        };
    }

    /**
     * {@code send_song} to a name ({@code send_song Family <link>}, {@code send song to Bob <link>}, {@code
     * name:"…"}): to the person it names, else to the sender's group of that name (or "which one?" among their groups
     * of it), else as {@link SendSong#send} answers a name nobody has: "did you mean", or an invite. A group's name is
     * never taken for a newcomer's.
     */
    public Message sendToName(User person, Command.SendSong command, String typed) {
        String name = command.friendName();
        if (namesGiven.namesOnlyAGroup(person, name)) {
            return toGroup(person, command, typed);
        }
        Optional<String> notAName = Handles.typed(name).isEmpty() && friends.matchesNobody(person, name)
                ? namesGiven.notAName(person, name) : Optional.empty();
        return notAName.map(lead -> offerInstead(person, command, lead))
                .orElseGet(() -> sendSong.send(person, command, typed));
    }

    /**
     * {@code command}'s song offered as a pasted link is, "Who is it for?" after {@code lead}, with its notes (not
     * the words that named nobody).
     */
    private Message offerInstead(User person, Command.SendSong command, String lead) {
        return switch (tracks.find(command.song())) {
            case TrackLookup.Result.Refused(String reply) -> Message.text(reply);
            case TrackLookup.Result.Found(Track track) -> replacing(person, track, () -> {
                Message offer = offer(person, track, command.pre(), command.post());
                return offer.withText(lead + offer.text());
            });
        };
    }

    /** {@code command} to the sender's group its friend's name names, as {@code send_song group:"…"} sends. */
    private Message toGroup(User person, Command.SendSong command, String typed) {
        return groups.handle(person, new Command.SendToGroup(command.friendName(), command.song(), command.pre(),
                command.post()), typed);
    }

    /**
     * A tap inviting someone by {@code words} ({@code to name:"<words>"}), when they could be someone's name and fit a
     * tap. Tapped, the words are who the song is for, and no longer its note.
     */
    private static Optional<Choice> inviteTap(String words) {
        String payload = "to name:\"" + words + "\"";
        boolean aName = Names.problem(words).isEmpty() && words.chars().noneMatch(c -> QUOTES.indexOf(c) >= 0);
        return aName && Payload.fits(payload) ? Optional.of(new Choice("Invite " + Names.quoted(words), payload))
                : Optional.empty();
    }

    private Message start(User person, Command.StartShare command) {
        return switch (tracks.find(command.song())) {
            case TrackLookup.Result.Refused(String reply) -> Message.text(reply);
            case TrackLookup.Result.Found(Track track) -> replacing(person, track, () -> {
                Message asked = command.forWhom()
                        .flatMap(forWhom -> addressed(person, track, forWhom, command.post())
                                .or(() -> severalNamed(person, track, forWhom, command.post())))
                        .orElseGet(() -> offer(person, track, command.pre(), command.post()));
                return command.wordsTooLong() ? asked.withText(asked.text() + WORDS_TOO_LONG) : asked;
            });
        };
    }

    /**
     * {@code ask}, which starts the share of {@code track} in the place of the one the person had not finished, and
     * says so after its question when that was another song: "(I dropped … , which you hadn't sent.)".
     */
    private Message replacing(User person, Track track, Supplier<Message> ask) {
        Optional<ShareDraft> waiting = draftOf(person).filter(draft -> !draft.track().equals(track.id()));
        Message asked = ask.get();
        return waiting.map(draft -> asked.withText(asked.text() + "\n(I dropped " + draft.title() + ", which you "
                + "hadn't sent.)")).orElse(asked);
    }

    /**
     * The share begun when the words beside the link name several people or groups ("for Bob and Carol"), the names
     * not its note: it goes to one at a time, so "Who is it for?", those named offered first. Empty when the words name
     * fewer than two, or a name among them is nobody's: they are the note.
     */
    private Optional<Message> severalNamed(User person, Track track, Command.ForWhom forWhom, String post) {
        if (!namesGiven.namesSeveral(person, forWhom.name())) {
            return Optional.empty();
        }
        List<Recipient> named = forWhom.names().stream().flatMap(name -> namesGiven.recipientNamed(person, name).stream())
                .distinct().toList();
        Message offer = offer(person, track, forWhom.note(), post, Optional.empty(), named);
        return Optional.of(offer.withText(NamesGiven.severalAtOnce(person) + offer.text()));
    }

    /**
     * The share begun for whoever the words beside the link name, when they name someone: "Send it to Bob Fisher?"
     * (or "which one?"), the words then not being a note (what is, {@link Command.ForWhom#note}, goes with it). Empty
     * when they name nobody, and are the note after all.
     */
    private Optional<Message> addressed(User person, Track track, Command.ForWhom forWhom, String post) {
        return namesGiven.named(person, forWhom).map(to -> {
            ShownPendingList.takeQuestion(choices, person.address());
            ShareDraft draft = new ShareDraft(person.address(), track.id(), track.title(), forWhom.note(), post,
                    ShareDraft.Stage.WHO, Optional.empty(), List.of(), drafts.expiry());
            return who.to(person, draft, to, "to " + forWhom.name()).withCard(SongMessage.card(track));
        });
    }

    private Message offer(User person, Track track, String pre, String post) {
        return offer(person, track, pre, post, Optional.empty(), List.of());
    }

    /**
     * "Who is it for?", with {@code first} and the sender's recent contacts and groups as taps, then {@code invite}
     * when there is one (in the place of the last contact: a message has at most {@value Message#MAX_CHOICES} taps),
     * then "Someone else".
     */
    private Message offer(User person, Track track, String pre, String post, Optional<Choice> invite,
                          List<Recipient> first) {
        RecipientTaps.Offer offer = recipientTaps.offerOf(person, first, RecipientTaps.PEOPLE_OFFERED - (invite.isPresent() ? 1 : 0));
        List<Recipient> offered = offer.recipients();
        // an older question's numbers must not answer this one
        ShownPendingList.takeQuestion(choices, person.address());
        ShareDraft draft = new ShareDraft(person.address(), track.id(), track.title(), pre, post,
                ShareDraft.Stage.WHO, Optional.empty(), offered, drafts.expiry());
        drafts.save(draft);
        List<Choice> taps = new ArrayList<>(RecipientTaps.offeredTaps(draft, offer.titles()));
        invite.ifPresent(taps::add);
        taps.add(offered.isEmpty() ? RecipientTaps.TYPE_A_NAME : RecipientTaps.SOMEONE_ELSE);
        String ask = offered.isEmpty() ? "Who is it for? Type their name, as they registered with me."
                : "Who is it for?";
        if (!pre.isEmpty()) {
            ask += "\nWith it: " + Texts.note(pre);
        }
        return Message.text(ask).withCard(SongMessage.card(track)).withChoices(taps);
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
