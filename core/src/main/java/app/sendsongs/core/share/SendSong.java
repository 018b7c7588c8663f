package app.sendsongs.core.share;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sharing a song with one friend: find the friend by name (asking when the name is ambiguous),
 * verify the track in the catalogue, deliver it with the {@code pre} note, and confirm to the sender.
 */
public final class SendSong {
    /** What a send makes, for {@link Cause#id}: one share per event. */
    private static final String SHARE = "share";

    private final UserStore users;
    private final ShareStore shares;
    private final Outbox outbox;
    private final WatchSchedule schedule;
    private final ConnectLink connectLink;
    private final Clock clock;
    private final TrackLookup tracks;
    private final WhichPerson whichPerson;

    public SendSong(UserStore users, ShareStore shares, ChoiceStore choices, TrackLookup tracks, Outbox outbox,
                    WatchSchedule schedule, ConnectLink connectLink, Clock clock) {
        this.users = users;
        this.shares = shares;
        this.outbox = outbox;
        this.schedule = schedule;
        this.connectLink = connectLink;
        this.clock = clock;
        this.tracks = tracks;
        this.whichPerson = new WhichPerson(choices, users, clock);
    }

    /** Handles {@code send_song}; {@code commandText} is kept to finish it if the bot must ask who was meant. */
    public String send(User sender, Command.SendSong command, String commandText) {
        Optional<Share> earlier = shareOfThisCause();
        if (earlier.isPresent()) {
            return deliver(sender, earlier.get());
        }
        List<User> named = new ArrayList<>(users.findUsersByName(command.friendName()));
        named.removeIf(u -> u.address().equals(sender.address()));
        if (named.isEmpty()) {
            return users.findUsersByName(command.friendName()).isEmpty()
                    ? "I don't know anyone called " + Names.quoted(command.friendName())
                    + ". They need to connect Spotify and register with me first: ask them to send me a message."
                    : "That's you! Send songs to your friends by their registered name.";
        }
        if (named.size() > 1) {
            return whichPerson.ask(sender, named, commandText);
        }
        return sendTo(sender, named.getFirst(), command);
    }

    /** Finishes a send the bot had to ask about: {@code number} picks one of the offered people. */
    public String choose(User sender, PendingChoice choice, Command.SendSong command, int number) {
        Optional<Share> earlier = shareOfThisCause();
        if (earlier.isPresent()) {
            return deliver(sender, earlier.get());
        }
        return switch (whichPerson.answer(choice, number)) {
            case WhichPerson.Answer.Picked(User receiver) -> sendTo(sender, receiver, command);
            case WhichPerson.Answer.Unusable(String reply) -> reply;
        };
    }

    private String sendTo(User sender, User receiver, Command.SendSong command) {
        if (receiver.needsReconnect()) {
            return receiver.name() + " has disconnected Spotify, so I couldn't tell when they play it. "
                    + "Ask them to reconnect at " + connectLink.url();
        }
        return switch (tracks.find(command.track())) {
            case TrackLookup.Result.Found(Track track) -> deliver(sender, receiver, track, command);
            case TrackLookup.Result.Refused(String reply) -> reply;
        };
    }

    private String deliver(User sender, User receiver, Track track, Command.SendSong command) {
        Share share = Share.direct(Cause.id(SHARE), sender.address(), receiver.address(), track, command.pre(),
                command.post(), clock.instant());
        shares.insertShare(share);
        return deliver(sender, share);
    }

    /**
     * Delivers the share made by this cause (just now, or by a run of it that was cut short, which this
     * one finishes: the outbox sends a song once however often it is handed over).
     */
    private String deliver(User sender, Share share) {
        String title = share.track().title();
        String receiver = users.findUser(share.receiver()).map(User::name).orElse("them");
        if (!share.status().isOpen()) {
            return "I've already dealt with " + title + " for " + receiver + "; see history.";
        }
        Outbox.Delivery delivery = outbox.deliverShare(share.receiver(),
                SongMessage.of(sender.name() + " sent you a song: ", share), share.id(), sender.address());
        return switch (delivery) {
            case SENT -> "Sent " + title + " to " + receiver + ". I'll tell you when they play it "
                    + "(I'll watch for " + Texts.duration(schedule.watchPeriod()) + ").";
            case WAITING_FOR_PERSON -> "Their chat app won't let me deliver " + title + " to "
                    + receiver + " just now (they haven't written to me lately). It goes out as soon as they "
                    + "do, and I'll start watching then.";
            case RETRYING -> "Their chat app didn't take " + title + " for " + receiver + " just now. "
                    + "I'll keep trying, and start watching once it's delivered.";
        };
    }

    /** The share an earlier run of the event being handled stored before it was cut short, if any. */
    private Optional<Share> shareOfThisCause() {
        return shares.findShare(Cause.id(SHARE));
    }
}
