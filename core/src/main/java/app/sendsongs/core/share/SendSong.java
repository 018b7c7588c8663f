package app.sendsongs.core.share;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicService;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.registration.ConnectLink;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.SpotifyAccess;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sharing a song with one friend: find the friend by name (asking when the name is ambiguous),
 * verify the track with Spotify, deliver it with the {@code pre} note, and confirm to the sender.
 */
public final class SendSong {
    private static final Duration CHOICE_LIFETIME = Duration.ofMinutes(10);

    private final UserStore users;
    private final ShareStore shares;
    private final ChoiceStore choices;
    private final MusicService music;
    private final SpotifyAccess access;
    private final Outbox outbox;
    private final WatchSchedule schedule;
    private final ConnectLink connectLink;
    private final Clock clock;

    public SendSong(UserStore users, ShareStore shares, ChoiceStore choices, MusicService music, SpotifyAccess access,
                    Outbox outbox, WatchSchedule schedule, ConnectLink connectLink, Clock clock) {
        this.users = users;
        this.shares = shares;
        this.choices = choices;
        this.music = music;
        this.access = access;
        this.outbox = outbox;
        this.schedule = schedule;
        this.connectLink = connectLink;
        this.clock = clock;
    }

    /** Handles {@code send_song}; {@code commandText} is kept to finish it if the bot must ask who was meant. */
    public String send(User sender, Command.SendSong command, String commandText) {
        List<User> named = new ArrayList<>(users.findUsersByName(command.friendName()));
        named.removeIf(u -> u.psid().equals(sender.psid()));
        if (named.isEmpty()) {
            return users.findUsersByName(command.friendName()).isEmpty()
                    ? "I don't know anyone called " + Names.quoted(command.friendName())
                    + ". They need to connect Spotify and register with me first: ask them to send me a message."
                    : "That's you! Send songs to your friends by their registered name.";
        }
        if (named.size() > 1) {
            return askWhichOne(sender, named, commandText);
        }
        return sendTo(sender, named.getFirst(), command);
    }

    /** Finishes a send the bot had to ask about: {@code number} picks one of the offered people. */
    public String choose(User sender, PendingChoice choice, Command.SendSong command, int number) {
        if (number < 1 || number > choice.candidatePsids().size()) {
            choices.saveChoice(choice);
            return "Please answer with a number from 1 to " + choice.candidatePsids().size() + ".";
        }
        Optional<User> receiver = users.findUser(choice.candidatePsids().get(number - 1));
        if (receiver.isEmpty()) {
            return "That person is no longer registered, so I can't send it.";
        }
        return sendTo(sender, receiver.get(), command);
    }

    private String askWhichOne(User sender, List<User> candidates, String commandText) {
        choices.saveChoice(new PendingChoice(sender.psid(), commandText, candidates.stream().map(User::psid).toList(),
                clock.instant().plus(CHOICE_LIFETIME)));
        StringBuilder reply = new StringBuilder(candidates.size() + " people are registered as "
                + Names.quoted(candidates.getFirst().name()) + ". Which one did you mean? Answer with the number:");
        for (int i = 0; i < candidates.size(); i++) {
            User candidate = candidates.get(i);
            reply.append("\n").append(i + 1).append(". ").append(candidate.name()).append(" — Spotify account ")
                    .append(candidate.spotifyAccountId()).append(", joined ").append(Texts.when(candidate.registeredAt()));
        }
        return reply.toString();
    }

    private String sendTo(User sender, User receiver, Command.SendSong command) {
        if (receiver.needsReconnect()) {
            return receiver.name() + " has disconnected Spotify, so I couldn't tell when they play it. "
                    + "Ask them to reconnect at " + connectLink.url();
        }
        Track track;
        try {
            Optional<Track> found = access.withToken(sender, token -> music.track(command.track(), token));
            if (found.isEmpty()) {
                return "I couldn't find that track on Spotify. Check the link and try again.";
            }
            track = found.get();
        } catch (GrantRevokedException e) {
            return "Your Spotify connection has ended, so I can't look the song up. Reconnect at " + connectLink.url();
        } catch (MusicServiceException e) {
            return "Spotify isn't answering right now, so I couldn't check the song. Nothing was sent; "
                    + "please try again in a minute.";
        }
        Share share = new Share(UUID.randomUUID().toString(), sender.psid(), receiver.psid(), track,
                command.pre(), command.post(), clock.instant(), Optional.empty(), Optional.empty(), ShareStatus.HELD,
                Optional.empty(), false);
        shares.insertShare(share);
        Outbox.Delivery delivery = outbox.deliverShare(receiver.psid(), songMessage(sender, share), share.id());
        return switch (delivery) {
            case SENT -> "Sent " + track.title() + " to " + receiver.name() + ". I'll tell you when they play it "
                    + "(I'll watch for " + Texts.duration(schedule.watchPeriod()) + ").";
            case WAITING_FOR_PERSON -> "Messenger won't let me deliver " + track.title() + " to " + receiver.name()
                    + " just now (they haven't written to me in the last 24 hours). It goes out as soon as they do, "
                    + "and I'll start watching then.";
            case RETRYING -> "Messenger didn't take " + track.title() + " for " + receiver.name() + " just now. "
                    + "I'll keep trying, and start watching once it's delivered.";
        };
    }

    private static String songMessage(User sender, Share share) {
        StringBuilder text = new StringBuilder("🎵 " + sender.name() + " sent you a song: " + share.track().title());
        if (!share.pre().isEmpty()) {
            text.append("\n").append(Texts.note(share.pre()));
        }
        return text.append("\n").append(share.track().id().link()).toString();
    }
}
