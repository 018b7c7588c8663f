package app.sendsongs.core.compose;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupFinder;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.group.WhichGroup;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.share.FriendFinder;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.share.WordsForWho;
import app.sendsongs.core.shared.UserText;
import app.sendsongs.core.user.User;
import java.util.List;
import java.util.Optional;

/**
 * The answers to "Who is it for?": a tap or number of the people and groups offered, a typed name ({@code to}), the
 * answer to "which one?" about a name or a group's name; and a name typed later, at "Send … to Bob?", for someone else
 * instead. A name nobody has gets an invite; once who it is for is known, the share asks "Send … to Bob?" (or goes at
 * once after {@code send_song}).
 */
final class WhoIsItFor {
    private final OpenDrafts drafts;
    private final FriendFinder friends;
    private final Groups groups;
    private final WhichPerson whichPerson;
    private final SendSong sendSong;
    private final NamesGiven namesGiven;
    private final RecipientTaps recipientTaps;
    private final ShareQuestions questions;
    private final DraftSending sending;

    WhoIsItFor(OpenDrafts drafts, FriendFinder friends, Groups groups, WhichPerson whichPerson, SendSong sendSong,
               NamesGiven namesGiven, RecipientTaps recipientTaps, ShareQuestions questions, DraftSending sending) {
        this.drafts = drafts;
        this.friends = friends;
        this.groups = groups;
        this.whichPerson = whichPerson;
        this.sendSong = sendSong;
        this.namesGiven = namesGiven;
        this.recipientTaps = recipientTaps;
        this.questions = questions;
        this.sending = sending;
    }

    /** A name typed at "Who is it for?", read as {@code to} reads it. */
    Message typed(User person, ShareDraft draft, String text) {
        String name = RecipientTaps.withoutGroupMark(namesGiven.withoutFor(person, UserText.typedName(text)));
        return to(person, draft, new Command.DraftTo(Optional.of(name).filter(n -> !n.isEmpty()), Optional.empty(),
                "", "", false), "to " + name);
    }

    /**
     * Text typed at "Send … to Bob?" that is a name as {@code to} takes it (someone's whole name or username, a
     * contact's first name, one of the person's groups; not a near miss): the song is for them instead, with its
     * notes ("Send … to Dan Øster?", or "which one?"). Empty for other text, which is the note as before.
     */
    Optional<Message> namedInstead(User person, ShareDraft draft, String text) {
        String name = RecipientTaps.withoutGroupMark(UserText.typedName(text));
        if (name.isEmpty() || !namesGiven.namesSomeoneOrAGroup(person, name)) {
            return Optional.empty();
        }
        return Optional.of(to(person, draft, new Command.DraftTo(Optional.of(name), Optional.empty(), "", "", false),
                "to " + name));
    }

    /** A bare number: the person or group offered at that place, while the share waits to know who it is for. */
    Message choose(User person, ShareDraft draft, int number) {
        if (draft.offered().isEmpty()) {
            return Message.text("I'm not waiting for a number from you.");
        }
        if (draft.stage() != ShareDraft.Stage.WHO) {
            return questions.askAgain(draft, "I'm not waiting for a number from you. ");
        }
        return chooseOffered(person, draft, number);
    }

    /** A tap of the offer the share was shown with: that person or group, also once another was chosen. */
    Message chooseOffered(User person, ShareDraft draft, int number) {
        if (number < 1 || number > draft.offered().size()) {
            return Message.text("Please answer with a number from 1 to " + draft.offered().size() + ".")
                    .withChoices(recipientTaps.whoTaps(draft));
        }
        return chosen(person, draft, draft.offered().get(number - 1), false);
    }

    /**
     * The answer to "which one?" (or "did you mean?") about a name typed for the song being shared: the person
     * picked, the name invited as typed, or Don't send.
     */
    Message chooseAsked(User person, PendingChoice choice, Command.DraftTo command, int number) {
        Optional<ShareDraft> draft = drafts.of(person);
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
            return friends.matchesNobody(person, name) ? invite(person, DraftNotes.withNotesOf(draft.get(), command),
                    name) : to(person, draft.get(), command, choice.commandText()); // someone registered under it since
        }
        return switch (whichPerson.answer(choice, number, inviteOffered)) {
            case WhichPerson.Answer.Picked(User friend) -> chosen(person, DraftNotes.withNotesOf(draft.get(), command),
                    new Recipient.Person(friend.address()), command.sendNow());
            case WhichPerson.Answer.Dropped() -> sending.discard(person, new Command.DiscardDraft(Optional.empty()));
            case WhichPerson.Answer.Unusable(String reply) -> Message.text(reply);
        };
    }

    /** The answer to "which one?" about the groups a name typed for the song being shared fits. */
    Message chooseGroupAsked(User person, PendingChoice choice, int number) {
        return switch (groups.answerWhichGroup(person, choice, number)) {
            case WhichGroup.Answer.Picked(Group group, Command.DraftTo to) -> {
                Message reply = drafts.of(person).map(draft -> chosen(person, DraftNotes.withNotesOf(draft, to),
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

    /**
     * {@code to}, with the notes it gives: the person or group it names, else, after {@code send}, the share sent (or
     * asked about first), else "Who is it for?" again. {@code typed} is kept if the bot must ask who was meant.
     */
    Message to(User person, ShareDraft draft, Command.DraftTo command, String typed) {
        ShareDraft noted = DraftNotes.withNotesOf(DraftNotes.withoutNoteNamed(draft, command.friend()), command);
        if (command.friend().filter(name -> namesGiven.namesOnlyAGroup(person, name)).isPresent()) {
            return toGroup(person, noted, command.friend().get(), command.sendNow(), typed);
        }
        if (command.friend().isPresent()) {
            return groupAndSomeoneNamed(person, noted, command.friend().get())
                    .orElseGet(() -> toFriend(person, noted, command.friend().get(), command.sendNow(), typed));
        }
        if (command.group().isPresent()) {
            return toGroup(person, noted, command.group().get(), command.sendNow(), typed);
        }
        if (command.sendNow() && noted.recipient().isPresent()) {
            return command.bare() ? sending.askBeforeSending(noted) : sending.send(person, noted);
        }
        return askWho(person, noted);
    }

    /**
     * "Who is it for?" again when {@code name} is one of the person's groups' and someone's they know ("Carol" for the
     * group Carol and Carol King), with both first among the taps: which one is meant is asked, never guessed, as
     * beside a link ({@link NamesGiven#groupAndSomeoneNamed}). Empty when it names no group, or no contact.
     */
    private Optional<Message> groupAndSomeoneNamed(User person, ShareDraft draft, String name) {
        List<Recipient> named = namesGiven.groupAndSomeoneNamed(person, new Command.ForWhom(name, true));
        if (named.isEmpty()) {
            return Optional.empty();
        }
        List<Recipient> offered = recipientTaps.offerOf(person, draft.track(), named, RecipientTaps.PEOPLE_OFFERED)
                .recipients();
        ShareDraft asking = drafts.saveAt(draft.offering(offered), ShareDraft.Stage.WHO);
        return Optional.of(Message.text(NamesGiven.groupAndSomeone(name) + "Who is it for?")
                .withChoices(recipientTaps.taps(asking)));
    }

    /**
     * The share for the person {@code name} names; when it fits several, or comes close to a contact's name, the
     * question which one; when it names nobody, an invite, or why it names no one person.
     */
    private Message toFriend(User person, ShareDraft draft, String name, boolean sendNow, String typed) {
        return switch (friends.find(person, name)) {
            case FriendFinder.Lookup.Found(User friend) ->
                    chosen(person, draft, new Recipient.Person(friend.address()), sendNow);
            case FriendFinder.Lookup.Several(var candidates) -> {
                drafts.saveAt(draft, ShareDraft.Stage.WHO);
                yield whichPerson.ask(person, candidates, typed);
            }
            case FriendFinder.Lookup.Yourself() -> itsYou(person, name, draft);
            case FriendFinder.Lookup.Nobody() when WordsForWho.meansThemselves(person, name) -> itsYou(person, name, draft);
            case FriendFinder.Lookup.Nobody() when WordsForWho.meansEveryone(name) -> oneAtATime(person, draft);
            case FriendFinder.Lookup.Nobody() when namesGiven.namesSeveral(person, name) ->
                    Message.text(NamesGiven.severalAtOnce(person) + "Who is it for?")
                            .withChoices(recipientTaps.taps(draft));
            case FriendFinder.Lookup.Nobody() -> {
                drafts.saveAt(draft, ShareDraft.Stage.WHO);
                List<User> close = friends.closeContacts(person, name);
                yield close.isEmpty() ? invite(person, draft, name)
                        : whichPerson.askAboutTypo(person, name, close, typed);
            }
        };
    }

    /**
     * The share for the person's group {@code name} names; when it names several, none theirs, "which one?" with a
     * tap for each, keeping {@code typed} (a {@code to}) to finish it with the answer ({@link #chooseGroupAsked}).
     */
    private Message toGroup(User person, ShareDraft draft, String name, boolean sendNow, String typed) {
        return switch (groups.findGroup(person, name)) {
            case GroupFinder.Lookup.Found(Group group) ->
                    chosen(person, draft, new Recipient.Group(group.id()), sendNow);
            case GroupFinder.Lookup.Missing(String reply) ->
                    Message.text(reply).withChoices(recipientTaps.whoTaps(draft));
            case GroupFinder.Lookup.Several(var named, String reply) -> {
                drafts.saveAt(draft, ShareDraft.Stage.WHO);
                yield groups.askWhichGroup(person, named, typed, draft.track().value());
            }
        };
    }

    /** "Who is it for?" again, for a {@code to} that names nobody ("Someone else"), the name to be typed. */
    private Message askWho(User person, ShareDraft draft) {
        // a share begun for someone named beside the link offered nobody: "Someone else" offers the person's friends
        ShareDraft offering = draft.offered().isEmpty()
                ? draft.offering(recipientTaps.offerOf(person, draft.track(), List.of(), RecipientTaps.PEOPLE_OFFERED).recipients())
                : draft;
        ShareDraft asking = drafts.saveAt(offering, ShareDraft.Stage.WHO);
        if (asking.offered().isEmpty()) {
            // "Type a name", the one tap of someone with no contacts yet: asking again would say nothing new
            return Message.text("Type your friend's name, as they registered with me (Bob Fisher, say). Not "
                    + "registered yet? Type it all the same: I'll tell you how to get " + asking.title() + " to them.");
        }
        return Message.text("Who is " + asking.title() + " for? Type their name." + ShareQuestions.notesShown(asking))
                .withChoices(recipientTaps.taps(asking));
    }

    /** Their own name, "me" or "myself", given for who the song is for: the question again, with its taps. */
    private Message itsYou(User person, String name, ShareDraft draft) {
        return Message.text(WordsForWho.themselvesLead(person, name) + "Who is it for?")
                .withChoices(recipientTaps.whoTaps(draft));
    }

    /**
     * "Everyone" or "all" given for who the song is for: it goes to one person or one group, whose taps come again;
     * someone without groups is told how to make one.
     */
    private Message oneAtATime(User person, ShareDraft draft) {
        boolean groupsOffered = draft.offered().stream().anyMatch(Recipient.Group.class::isInstance);
        String ask = draft.offered().isEmpty() ? "Who is it for? Type their name." : "Who is it for?";
        return Message.text(NamesGiven.oneAtATime(person, groupsOffered) + ask)
                .withChoices(recipientTaps.whoTaps(draft));
    }

    /** An invite for whoever they meant; the share stays, in case the name was mistyped. */
    private Message invite(User person, ShareDraft draft, String name) {
        Message invite = sendSong.invite(person, name, SongLink.of(draft.track()), draft.pre(), draft.post());
        List<Choice> taps = recipientTaps.taps(draft);
        // the full name: a first name alone finds only a contact, and who else is registered is never told
        return invite.withText(invite.text() + "\nIf you meant someone registered, type their full name"
                + (taps.isEmpty() ? "." : " or tap them.")).withChoices(taps);
    }

    /** Who the song is for, chosen: "Send … to Bob?", or, after {@code send_song}, sent at once. */
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
}
