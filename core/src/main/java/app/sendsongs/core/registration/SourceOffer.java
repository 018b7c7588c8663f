package app.sendsongs.core.registration;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.user.SourceChoices;
import app.sendsongs.core.music.SourceKind;
import java.util.List;

/** How the bot offers listening sources: tap choices that type {@code connect <source>}, and the link texts. */
final class SourceOffer {
    private static final String SPOTIFY_TURNS_AWAY = "Spotify has turned new people away from this server lately (an "
            + "app in development mode serves only the 5 people its owner adds)";

    private SourceOffer() {
    }

    /** One choice per source, in the order given; tapping it is typing {@code connect <source>}. */
    static List<Choice> choices(List<SourceKind> kinds) {
        return SourceChoices.of(kinds);
    }

    /** The answer to {@code connect <source>}: the person's own link, and what happens there. */
    static String linkText(SourceKind kind, String url) {
        return "Here's " + ownLink(kind, url);
    }

    /** "your own link to connect ...": the person's link to {@code kind}, and what happens there. */
    static String ownLink(SourceKind kind, String url) {
        String there = switch (kind) {
            case SPOTIFY -> "Spotify asks you to allow Send Songs to see what you play.";
            case LASTFM -> "Last.fm asks you to allow Send Songs to see your scrobbles (Spotify scrobbles to Last.fm "
                    + "once you connect them in Last.fm's settings).";
            case LISTENBRAINZ -> "you paste the user token shown on your ListenBrainz settings page "
                    + "(https://listenbrainz.org/settings/).";
        };
        return "your own link to connect " + kind.displayName() + " (it works once, within a day): " + url
                + "\nThere " + there + " When you're done I'll tell you here.";
    }

    /** Why {@code kind} refuses the person whatever the moment, for the page and the chat. */
    static String notAllowed(SourceKind kind) {
        if (kind == SourceKind.SPOTIFY) {
            return "This server's Spotify app is full: Spotify lets an app in development mode serve only 5 people, "
                    + "each added by the app's owner, and every place is taken. Last.fm and ListenBrainz see the same "
                    + "listening: Spotify scrobbles to Last.fm once you connect them in Last.fm's settings, and "
                    + "ListenBrainz can import your Spotify plays.";
        }
        return kind.displayName() + " refuses your account for this app.";
    }

    /**
     * Why the welcome leads with {@code instead}: {@code refusing} turned a person away for this server's app this
     * week or last.
     */
    static String turnedAwayLately(SourceKind refusing, SourceKind instead) {
        if (refusing != SourceKind.SPOTIFY) {
            return refusing.displayName() + " has turned people away from this server lately, so start with "
                    + instead.displayName() + ".";
        }
        String seesSpotify = switch (instead) {
            case LASTFM -> ": it sees your Spotify plays once you connect Spotify in Last.fm's settings.";
            case LISTENBRAINZ -> ": it can import your Spotify plays.";
            case SPOTIFY -> ".";
        };
        return SPOTIFY_TURNS_AWAY + ", so unless its owner added you, start with " + instead.displayName()
                + seesSpotify;
    }

    /** Before the link to {@code kind} for someone not on it yet, when it turned a person away this week or last. */
    static String mayTurnYouAway(SourceKind kind) {
        if (kind != SourceKind.SPOTIFY) {
            return kind.displayName() + " has turned people away from this server lately; you can try.\n";
        }
        return SPOTIFY_TURNS_AWAY + "; if its owner added you, it works.\n";
    }

    /** Why {@code kind} refuses everyone just now: the server's own key. */
    static String appRefused(SourceKind kind) {
        return kind.displayName() + " isn't letting this server connect anyone just now: it refused the server's own "
                + "key, not your account. The server's owner has been told in its log.";
    }
}
