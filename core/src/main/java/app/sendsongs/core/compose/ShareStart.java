package app.sendsongs.core.compose;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.music.ShareSheetWords;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.FriendFinder;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.ShownPendingList;
import app.sendsongs.core.share.SongMessage;
import app.sendsongs.core.share.TrackLookup;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.shared.UserText;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a share begins: a pasted link (or a sentence with one), or {@code send_song} with words that name nobody to send
 * to. The bot shows the song and asks "Who is it for?", offering the sender's recent contacts and groups as taps; words
 * beside the link that name someone ask "Send it to Bob?" at once. A share begun replaces the one not finished.
 */
final class ShareStart {
    /** The quotes that would end a name given as {@code name:"…"}. */
    private static final String QUOTES = "\"“”„«»";
    /** Said under "Who is it for?" when the words beside the link were too long for its note. */
    private static final String WORDS_TOO_LONG = "\nYour words were too long for a note (at most " + UserText.MOST_NOTE
            + " characters), so the song waits without them. Once you've chosen who it's for, tap Add a note to "
            + "write a shorter one.";

    private final OpenDrafts drafts;
    private final TrackLookup tracks;
    private final FriendFinder friends;
    private final Groups groups;
    private final ChoiceStore choices;
    private final SendSong sendSong;
    private final NamesGiven namesGiven;
    private final RecipientTaps recipientTaps;
    private final WhoIsItFor who;

    ShareStart(OpenDrafts drafts, TrackLookup tracks, FriendFinder friends, Groups groups, ChoiceStore choices,
               SendSong sendSong, NamesGiven namesGiven, RecipientTaps recipientTaps, WhoIsItFor who) {
        this.drafts = drafts;
        this.tracks = tracks;
        this.friends = friends;
        this.groups = groups;
        this.choices = choices;
        this.sendSong = sendSong;
        this.namesGiven = namesGiven;
        this.recipientTaps = recipientTaps;
        this.who = who;
    }

    /**
     * A pasted link (or a sentence with one): "Send it to Bob?" when the words beside it name someone, "Who is it
     * for?" with those named first when they name several, else "Who is it for?" with the words as the song's note.
     */
    Message start(User person, Command.StartShare command) {
        return switch (tracks.find(command.song())) {
            case TrackLookup.Result.Refused(String reply) -> Message.text(reply);
            case TrackLookup.Result.Found(Track track) -> {
                Optional<ShareDraft> earlier = drafts.of(person);
                Command.StartShare share = withoutShareSheetWords(command, track);
                yield notesKept(person, earlier, track, share)
                        .orElseGet(() -> replacing(earlier, track, () -> begin(person, track, share)));
            }
        };
    }

    /**
     * {@code command} without the words beside its link when they only name its song, as a share sheet pastes them
     * ("Listen to Blinding Lights by The Weeknd on Spotify", "Blinding Lights · The Weeknd"): no note, nor a name.
     */
    private static Command.StartShare withoutShareSheetWords(Command.StartShare command, Track track) {
        return ShareSheetWords.onlyNameTheSong(command.pre(), track) ? new Command.StartShare(command.song(), "",
                command.post(), Optional.empty(), command.wordsTooLong()) : command;
    }

    /**
     * The share of this very song begun again with the notes typed for it, when its link comes once more by itself
     * (pasted twice, or again when the first seemed not to arrive): "Who is it for?" with the notes under it, where
     * they were dropped without a word. Empty when the link comes with words (they are the new share's), is another
     * song's, or the share has no notes.
     */
    private Optional<Message> notesKept(User person, Optional<ShareDraft> earlier, Track track,
                                        Command.StartShare command) {
        boolean bare = command.pre().isEmpty() && command.post().isEmpty() && command.forWhom().isEmpty()
                && !command.wordsTooLong();
        return earlier
                .filter(draft -> bare && draft.track().equals(track.id()))
                .filter(draft -> !draft.pre().isEmpty() || !draft.post().isEmpty())
                .map(draft -> {
                    Message asked = offer(person, track, draft.pre(), draft.post());
                    return draft.post().isEmpty() ? asked : asked.withText(asked.text() + "\nOnce they've played "
                            + "it: " + Texts.note(draft.post()));
                });
    }

    private Message begin(User person, Track track, Command.StartShare command) {
        Message asked = command.forWhom()
                .flatMap(forWhom -> groupAndSomeoneNamed(person, track, forWhom, command.post())
                        .or(() -> addressed(person, track, forWhom, command.post()))
                        .or(() -> severalNamed(person, track, forWhom, command.post())))
                .orElseGet(() -> offer(person, track, command.pre(), command.post()));
        return command.wordsTooLong() ? asked.withText(asked.text() + WORDS_TOO_LONG) : asked;
    }

    /**
     * {@code send_song <link> <words>}: sent at once when the words name someone, a group of the sender's, or come
     * close to a contact's name; otherwise they are the song's note, and "Who is it for?" offers to invite someone by
     * them.
     */
    Message sendOrAsk(User person, Command.SendSong command, String typed) {
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
     * {@code send_song} to a name: to the person it names, else to the sender's group of that name, else as {@link
     * SendSong#send} answers a name nobody has; words that mean no one person ("me", "all") ask "Who is it for?".
     */
    Message sendToName(User person, Command.SendSong command, String typed) {
        String name = command.friendName();
        if (namesGiven.namesOnlyAGroup(person, name)) {
            return toGroup(person, command, typed);
        }
        Optional<String> notAName = Handles.typed(name).isEmpty() && friends.matchesNobody(person, name)
                ? namesGiven.notAName(person, name) : Optional.empty();
        return notAName.map(lead -> offerInstead(person, command, lead))
                .orElseGet(() -> {
                    endShareOfTheSameSong(person, command);
                    return sendSong.send(person, command, typed);
                });
    }

    /**
     * The song being shared, when {@code command} names it again whole: the command answers "Who is it for?" itself
     * (retyped after "That's you!", say), so asking it again once the song went would be stale. Another song's share
     * stays open.
     */
    private void endShareOfTheSameSong(User person, Command.SendSong command) {
        drafts.of(person).filter(draft -> tracks.find(command.song()) instanceof TrackLookup.Result.Found(Track track)
                && track.id().equals(draft.track())).ifPresent(draft -> drafts.delete(person));
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
                return offer.withLead(lead);
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

    /**
     * {@code ask}, which starts the share of {@code track} in the place of the one the person had not finished, and
     * says so after its question when that was another song: "(I dropped … , which you hadn't sent.)".
     */
    private Message replacing(User person, Track track, Supplier<Message> ask) {
        return replacing(drafts.of(person), track, ask);
    }

    /** As {@link #replacing(User, Track, Supplier)}, with the share that was waiting ({@code earlier}) already read. */
    private Message replacing(Optional<ShareDraft> earlier, Track track, Supplier<Message> ask) {
        Optional<ShareDraft> waiting = earlier.filter(draft -> !draft.track().equals(track.id()));
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
        List<Recipient> named = forWhom.names().stream()
                .flatMap(name -> namesGiven.recipientNamed(person, name).stream()).distinct().toList();
        Message offer = offer(person, track, forWhom.note(), post, Optional.empty(), named);
        return Optional.of(offer.withLead(NamesGiven.severalAtOnce(person)));
    }

    /**
     * The share begun when the name beside the link, by itself, is one of the sender's groups' and someone's they know
     * ("Carol" for the group Carol and Carol King): "Who is it for?" with both first among the taps, which is never
     * guessed; the name is no note. Empty when the words name no group, or no contact.
     */
    private Optional<Message> groupAndSomeoneNamed(User person, Track track, Command.ForWhom forWhom, String post) {
        List<Recipient> named = namesGiven.groupAndSomeoneNamed(person, forWhom);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String name = Handles.mentioned(forWhom.name()).orElse(forWhom.name());
        Message offer = offer(person, track, forWhom.note(), post, Optional.empty(), named);
        return Optional.of(offer.withLead(NamesGiven.groupAndSomeone(name)));
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
     * The share of the song kept for {@code person} before they connected ({@link KeptSongs}), begun now that they
     * have: "Who is … for?" as a pasted link asks it, the song named, since it comes after the welcome.
     */
    Message kept(User person, Track track) {
        return offer(person, track, "", "", Optional.empty(), List.of(), track.title());
    }

    /**
     * "Who is it for?", with {@code first} and the sender's recent contacts and groups as taps, then {@code invite}
     * when there is one (in the place of the last contact: a message has at most {@value Message#MAX_CHOICES} taps),
     * then "Someone else".
     */
    private Message offer(User person, Track track, String pre, String post, Optional<Choice> invite,
                          List<Recipient> first) {
        return offer(person, track, pre, post, invite, first, "it");
    }

    /** As the one above, asking "Who is {@code song} for?". */
    private Message offer(User person, Track track, String pre, String post, Optional<Choice> invite,
                          List<Recipient> first, String song) {
        int people = RecipientTaps.PEOPLE_OFFERED - (invite.isPresent() ? 1 : 0);
        RecipientTaps.Offer offer = recipientTaps.offerOf(person, track.id(), first, people);
        List<Recipient> offered = offer.recipients();
        // an older question's numbers must not answer this one
        ShownPendingList.takeQuestion(choices, person.address());
        ShareDraft draft = new ShareDraft(person.address(), track.id(), track.title(), pre, post,
                ShareDraft.Stage.WHO, Optional.empty(), offered, drafts.expiry());
        drafts.save(draft);
        List<Choice> taps = new ArrayList<>(RecipientTaps.offeredTaps(draft, offer.titles()));
        invite.ifPresent(taps::add);
        taps.add(offered.isEmpty() ? RecipientTaps.TYPE_A_NAME : RecipientTaps.SOMEONE_ELSE);
        String question = "Who is " + song + " for?";
        String ask = offered.isEmpty() ? question + " Type their name, as they registered with me." : question;
        if (!pre.isEmpty()) {
            ask += "\nWith it: " + Texts.note(pre);
        }
        return Message.text(ask).withCard(SongMessage.card(track)).withChoices(taps);
    }
}
