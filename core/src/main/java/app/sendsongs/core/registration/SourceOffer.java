package app.sendsongs.core.registration;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.user.SourceChoices;
import app.sendsongs.core.music.SourceKind;
import java.util.List;

/** How the bot offers listening sources: tap choices that type {@code connect <source>}, and the link texts. */
final class SourceOffer {
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

    /** Why {@code kind} refuses everyone just now: the server's own key. */
    static String appRefused(SourceKind kind) {
        return kind.displayName() + " isn't letting this server connect anyone just now: it refused the server's own "
                + "key, not your account. The server's owner has been told in its log.";
    }
}
