package app.sendsongs.core.compose;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupFinder;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.group.WhichGroup;
import app.sendsongs.core.music.SongLink;
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
import app.sendsongs.core.share.WordsForWho;
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
    private static final String ITS_YOU = "That's you! ";
    private static final String ONE_AT_A_TIME = "A song goes to one friend or one group at a time: tap the first, "
            + "then share the song again for the next. To send songs to several friends at once, make them a group "
            + "({create_group} Friends, then {add_to_group}). ";
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
                    .orElseGet(() -> to(person, draft, to, typed))).orElseGet(() -> ShareQuestions.noDraft(person));
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
            case WHO -> {
                String name = RecipientTaps.withoutGroupMark(withoutFor(person, UserText.typedName(text)));
                yield to(person, draft, new Command.DraftTo(Optional.of(name).filter(n -> !n.isEmpty()),
                        Optional.empty(), "", "", false), "to " + name);
            }
            case READY -> namedInstead(person, draft, text).orElseGet(() -> notes.labelled(draft, text));
            case NOTE -> notes.typed(draft, text, false);
            case AFTER_NOTE -> notes.typed(draft, text, true);
        };
    }

    /**
     * Text typed at "Send … to Bob?" that is a name as {@code to} takes it (someone's whole name or username, a
     * contact's first name, one of the person's groups; not a near miss): the song is for them instead, with its
     * notes ("Send … to Dan Øster?", or "which one?"). Empty for other text, which is the note as before.
     */
    private Optional<Message> namedInstead(User person, ShareDraft draft, String text) {
        String name = RecipientTaps.withoutGroupMark(UserText.typedName(text));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        boolean aName = switch (friends.find(person, name)) {
            case FriendFinder.Lookup.Found found -> true;
            case FriendFinder.Lookup.Several several -> true;
            case FriendFinder.Lookup.Yourself yourself -> false;
            case FriendFinder.Lookup.Nobody nobody -> groups.namesAGroup(person, name);
        };
        return aName ? Optional.of(to(person, draft, new Command.DraftTo(Optional.of(name), Optional.empty(), "", "",
                false), "to " + name)) : Optional.empty();
    }

    /**
     * A name typed at "Who is it for?" without the "for" it may start with, as the question's answer often does ("for
     * Bob"), unless the whole words are someone's or a group's name.
     */
    private String withoutFor(User person, String name) {
        String rest = name.regionMatches(true, 0, "for ", 0, 4) ? name.substring(4).strip() : "";
        return rest.isEmpty() || !friends.matchesNobody(person, name) || groups.namesAGroup(person, name) ? name : rest;
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
        if (draft.offered().isEmpty()) {
            return Message.text("I'm not waiting for a number from you.");
        }
        if (draft.stage() != ShareDraft.Stage.WHO) {
            return questions.askAgain(draft, "I'm not waiting for a number from you. ");
        }
        return chooseOffered(person, draft, number);
    }

    /**
     * A tap of the offer the share was shown with ({@link ShareDraft#offerKey}): that person or group, also once
     * another was chosen. Telegram keeps the offer's buttons until the bot takes them off, so a second tap there is a
     * change of mind (or the same tap again); it sends nothing, and asks "Send … to …?" anew.
     */
    public Message chooseOffered(User person, ShareDraft draft, int number) {
        if (number < 1 || number > draft.offered().size()) {
            return Message.text("Please answer with a number from 1 to " + draft.offered().size() + ".")
                    .withChoices(recipientTaps.whoTaps(draft));
        }
        return chosen(person, draft, draft.offered().get(number - 1), false);
    }

    /**
     * The answer to "which one?" (or "did you mean?") asked about a name typed for the song being shared; after a
     * name that still matches nobody, the number after the people offered invites it as typed. The number after those
     * is the question's last tap, Don't send, which drops the song as the share's own Don't send does.
     */
    public Message chooseAsked(User person, PendingChoice choice, Command.DraftTo command, int number) {
        Optional<ShareDraft> draft = draftOf(person);
        if (draft.isEmpty()) {
            whichPerson.take(choice); // about a song no longer being shared
            return ShareQuestions.noDraft(person);
        }
        boolean inviteOffered = command.friend().filter(name -> whichPerson.askedAboutTypo(choice, name)).isPresent();
        if (inviteOffered && WhichPerson.invites(choice, number)) {
            if (!whichPerson.take(choice)) {
                return Message.text(WhichPerson.NOT_WAITING);
            }
            String name = command.friend().get();
            return friends.matchesNobody(person, name) ? invite(person, DraftNotes.withNotesOf(draft.get(), command), name)
                    : to(person, draft.get(), command, choice.commandText()); // someone registered under it since
        }
        return switch (whichPerson.answer(choice, number, inviteOffered)) {
            case WhichPerson.Answer.Picked(User friend) -> chosen(person, DraftNotes.withNotesOf(draft.get(), command),
                    new Recipient.Person(friend.address()), command.sendNow());
            case WhichPerson.Answer.Dropped() -> sending.discard(person, new Command.DiscardDraft(Optional.empty()));
            case WhichPerson.Answer.Unusable(String reply) -> Message.text(reply);
        };
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
        if (namesOnlyAGroup(person, words)) {
            return toGroup(person, command, typed);
        }
        if (Handles.typed(words).isPresent() || !friends.matchesNobody(person, words)) {
            return sendSong.send(person, command, typed);
        }
        Optional<String> notAName = notAName(person, words);
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
        if (namesOnlyAGroup(person, name)) {
            return toGroup(person, command, typed);
        }
        Optional<String> notAName = Handles.typed(name).isEmpty() && friends.matchesNobody(person, name)
                ? notAName(person, name) : Optional.empty();
        return notAName.map(lead -> offerInstead(person, command, lead))
                .orElseGet(() -> sendSong.send(person, command, typed));
    }

    /**
     * What to say first when {@code name}, which names nobody and no group of the person's, means the person
     * themselves ("me", their first name), everyone ("all") or several people ("Bob and Carol"): no name to send to,
     * nor to invite.
     */
    private Optional<String> notAName(User person, String name) {
        if (WordsForWho.meansThemselves(person, name)) {
            return Optional.of(ITS_YOU);
        }
        if (WordsForWho.meansEveryone(name)) {
            return Optional.of(oneAtATime(person, !groups.groupsOf(person).isEmpty()));
        }
        return namesSeveral(person, name) ? Optional.of(severalAtOnce(person)) : Optional.empty();
    }

    /** Whether {@code name} joins several names ("Bob and Carol"), each someone's or one of the person's groups'. */
    private boolean namesSeveral(User person, String name) {
        List<String> names = WordsForWho.names(name);
        return names.size() > 1 && names.stream()
                .allMatch(one -> !friends.matchesNobody(person, one) || groups.namesAGroup(person, one));
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

    /**
     * Whether {@code name} is one of the person's groups' and none of their contacts' (nor a username): nobody's, or
     * only a stranger's, who may have taken it after the group was made.
     */
    private boolean namesOnlyAGroup(User person, String name) {
        return Handles.typed(name).isEmpty() && groups.namesAGroup(person, name)
                && friends.meansNoContact(person, name);
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
        if (!namesSeveral(person, forWhom.name())) {
            return Optional.empty();
        }
        List<Recipient> named = forWhom.names().stream().flatMap(name -> recipientNamed(person, name).stream())
                .distinct().toList();
        Message offer = offer(person, track, forWhom.note(), post, Optional.empty(), named);
        return Optional.of(offer.withText(severalAtOnce(person) + offer.text()));
    }

    /** The one person, else the one group of the person's, {@code name} names. */
    private Optional<Recipient> recipientNamed(User person, String name) {
        if (friends.find(person, name) instanceof FriendFinder.Lookup.Found(User friend)) {
            return Optional.of(new Recipient.Person(friend.address()));
        }
        return groups.findGroup(person, name) instanceof GroupFinder.Lookup.Found(Group group)
                ? Optional.of(new Recipient.Group(group.id())) : Optional.empty();
    }

    /**
     * The share begun for whoever the words beside the link name, when they name someone: "Send it to Bob Fisher?"
     * (or "which one?"), the words then not being a note (what is, {@link Command.ForWhom#note}, goes with it). Empty
     * when they name nobody, and are the note after all.
     */
    private Optional<Message> addressed(User person, Track track, Command.ForWhom forWhom, String post) {
        return named(person, forWhom).map(to -> {
            ShownPendingList.takeQuestion(choices, person.address());
            ShareDraft draft = new ShareDraft(person.address(), track.id(), track.title(), forWhom.note(), post,
                    ShareDraft.Stage.WHO, Optional.empty(), List.of(), drafts.expiry());
            return to(person, draft, to, "to " + forWhom.name()).withCard(SongMessage.card(track));
        });
    }

    /**
     * Whom the words name, as {@code to} would take them: a person (several fit only after "for": the bot asks which
     * one), else, after "for", one of the sender's groups. A name by itself must be someone's whole name (or their
     * username): after "for", a first name will do.
     */
    private Optional<Command.DraftTo> named(User person, Command.ForWhom forWhom) {
        String name = forWhom.name();
        FriendFinder.Lookup lookup = friends.find(person, name);
        boolean aPerson = switch (lookup) {
            case FriendFinder.Lookup.Found(User friend) -> forWhom.saidFor() || Handles.typed(name).isPresent()
                    || friend.nameKey().equals(Names.key(name));
            case FriendFinder.Lookup.Several(var candidates) -> forWhom.saidFor();
            case FriendFinder.Lookup.Yourself() -> false;
            case FriendFinder.Lookup.Nobody() -> false;
        };
        if (aPerson) {
            return Optional.of(new Command.DraftTo(Optional.of(name), Optional.empty(), "", "", false));
        }
        boolean aGroup = forWhom.saidFor() && lookup instanceof FriendFinder.Lookup.Nobody
                && !(groups.findGroup(person, name) instanceof GroupFinder.Lookup.Missing);
        return aGroup ? Optional.of(new Command.DraftTo(Optional.empty(), Optional.of(name), "", "", false))
                : Optional.empty();
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

    private Message to(User person, ShareDraft draft, Command.DraftTo command, String typed) {
        ShareDraft noted = DraftNotes.withNotesOf(DraftNotes.withoutNoteNamed(draft, command.friend()), command);
        if (command.friend().filter(name -> namesOnlyAGroup(person, name)).isPresent()) {
            return toGroup(person, noted, command.friend().get(), command.sendNow(), typed);
        }
        if (command.friend().isPresent()) {
            return switch (friends.find(person, command.friend().get())) {
                case FriendFinder.Lookup.Found(User friend) ->
                        chosen(person, noted, new Recipient.Person(friend.address()), command.sendNow());
                case FriendFinder.Lookup.Several(var candidates) -> {
                    drafts.saveAt(noted, ShareDraft.Stage.WHO);
                    yield whichPerson.ask(person, candidates, typed);
                }
                case FriendFinder.Lookup.Yourself() -> itsYou(noted);
                case FriendFinder.Lookup.Nobody() when WordsForWho.meansThemselves(person, command.friend().get()) ->
                        itsYou(noted);
                case FriendFinder.Lookup.Nobody() when WordsForWho.meansEveryone(command.friend().get()) ->
                        oneAtATime(person, noted);
                case FriendFinder.Lookup.Nobody() when namesSeveral(person, command.friend().get()) ->
                        Message.text(severalAtOnce(person) + "Who is it for?").withChoices(recipientTaps.taps(noted));
                case FriendFinder.Lookup.Nobody() -> {
                    drafts.saveAt(noted, ShareDraft.Stage.WHO);
                    List<User> close = friends.closeContacts(person, command.friend().get());
                    yield close.isEmpty() ? invite(person, noted, command.friend().get())
                            : whichPerson.askAboutTypo(person, command.friend().get(), close, typed);
                }
            };
        }
        if (command.group().isPresent()) {
            return toGroup(person, noted, command.group().get(), command.sendNow(), typed);
        }
        if (command.sendNow() && noted.recipient().isPresent()) {
            return command.bare() ? sending.askBeforeSending(noted) : sending.send(person, noted);
        }
        // a share begun for someone named beside the link offered nobody: "Someone else" offers the person's friends
        ShareDraft asking = (noted.offered().isEmpty()
                ? noted.offering(recipientTaps.offerOf(person, List.of(), RecipientTaps.PEOPLE_OFFERED).recipients()) : noted)
                .at(ShareDraft.Stage.WHO, drafts.expiry());
        drafts.save(asking);
        if (asking.offered().isEmpty()) {
            // "Type a name", the one tap of someone with no contacts yet: asking again would say nothing new
            return Message.text("Type your friend's name, as they registered with me (Bob Fisher, say). Not "
                    + "registered yet? Type it all the same: I'll tell you how to get " + asking.title() + " to them.");
        }
        return Message.text("Who is " + asking.title() + " for? Type their name." + ShareQuestions.notesShown(asking))
                .withChoices(recipientTaps.taps(asking));
    }

    /** Their own name, "me" or "myself", given for who the song is for: the question again, with its taps. */
    private Message itsYou(ShareDraft draft) {
        return Message.text(ITS_YOU + "Who is it for?").withChoices(recipientTaps.whoTaps(draft));
    }

    /**
     * "Everyone" or "all" given for who the song is for: it goes to one person or one group, whose taps come again;
     * someone without groups is told how to make one.
     */
    private Message oneAtATime(User person, ShareDraft draft) {
        boolean groupsOffered = draft.offered().stream().anyMatch(Recipient.Group.class::isInstance);
        String ask = draft.offered().isEmpty() ? "Who is it for? Type their name." : "Who is it for?";
        return Message.text(oneAtATime(person, groupsOffered) + ask).withChoices(recipientTaps.whoTaps(draft));
    }

    /** That a song goes to one friend or group at a time, and how to make a group, before "Who is it for?". */
    private static String severalAtOnce(User person) {
        return CommandStyle.of(person.address()).write(ONE_AT_A_TIME);
    }

    /** That a song goes to one person or one group, before "Who is it for?"; without groups, how to make one. */
    private static String oneAtATime(User person, boolean hasGroups) {
        return hasGroups ? "A song goes to one person, or to everyone in one of your groups: tap the group. "
                : CommandStyle.of(person.address()).write("A song goes to one person, or to everyone in a group you "
                + "make ({create_group} Friends, then {add_to_group}). ");
    }

    /**
     * The share for the person's group {@code name} names; when it names several, none theirs, "which one?" with a
     * tap for each, keeping {@code typed} (a {@code to}) to finish it with the answer ({@link #chooseGroupAsked}).
     */
    private Message toGroup(User person, ShareDraft draft, String name, boolean sendNow, String typed) {
        return switch (groups.findGroup(person, name)) {
            case GroupFinder.Lookup.Found(Group group) ->
                    chosen(person, draft, new Recipient.Group(group.id()), sendNow);
            case GroupFinder.Lookup.Missing(String reply) -> Message.text(reply).withChoices(recipientTaps.whoTaps(draft));
            case GroupFinder.Lookup.Several(var named, String reply) -> {
                drafts.saveAt(draft, ShareDraft.Stage.WHO);
                yield groups.askWhichGroup(person, named, typed, draft.track().value());
            }
        };
    }

    /**
     * The answer to "which one?" asked about the groups a name typed for the song being shared fits: the group picked
     * is who it is for, as if named alone (so "Send … to Family (Bob Fisher's)?", or sent at once after {@code
     * send_song group:Family}); Don't send drops the song, as it does at the share's own questions.
     */
    public Message chooseGroupAsked(User person, PendingChoice choice, int number) {
        return switch (groups.answerWhichGroup(person, choice, number)) {
            case WhichGroup.Answer.Picked(Group group, Command.DraftTo to) -> {
                Message reply = draftOf(person).map(draft -> chosen(person, DraftNotes.withNotesOf(draft, to),
                        new Recipient.Group(group.id()), to.sendNow())).orElseGet(() -> ShareQuestions.noDraft(person));
                groups.whichGroupAnswered(person);
                yield reply;
            }
            case WhichGroup.Answer.Picked(Group group, Command other) -> {
                groups.whichGroupAnswered(person);
                yield ShareQuestions.noDraft(person);
            }
            case WhichGroup.Answer.Dropped(Command command) ->
                    sending.discard(person, new Command.DiscardDraft(Optional.empty()));
            case WhichGroup.Answer.Unusable(Message reply) -> reply;
        };
    }

    /** An invite for whoever they meant; the share stays, in case the name was mistyped. */
    private Message invite(User person, ShareDraft draft, String name) {
        Message invite = sendSong.invite(person, name, SongLink.of(draft.track()), draft.pre(), draft.post());
        List<Choice> taps = recipientTaps.taps(draft);
        return invite.withText(invite.text() + (taps.isEmpty() ? "\nIf you meant someone registered, type their name."
                : "\nIf you meant someone registered, type their name or tap them.")).withChoices(taps);
    }

    private Message chosen(User person, ShareDraft draft, Recipient recipient, boolean sendNow) {
        groups.shareAddressed(person);
        whichPerson.shareAddressed(person);
        ShareDraft ready = draft.to(recipient, drafts.expiry());
        if (sendNow) {
            return sending.send(person, ready);
        }
        drafts.save(ready);
        return questions.ready(ready, "");
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
