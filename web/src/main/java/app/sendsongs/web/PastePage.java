package app.sendsongs.web;

import app.sendsongs.core.music.SourceKind;

/**
 * The page where a person pastes a token the source shows them (ListenBrainz has no consent page: it shows each
 * person their user token on https://listenbrainz.org/settings/). The form posts the sealed state with the token;
 * the state is bound to this browser's connect cookie, which a cross-site post does not carry (SameSite=Lax), so
 * another site cannot submit it for the person.
 */
final class PastePage {
    private PastePage() {
    }

    static String render(SourceKind kind, String state, String action, String problem) {
        String name = Html.escape(kind.displayName());
        String body = """
                <p>Paste your %s user token below. You find it on
                <a href="https://listenbrainz.org/settings/" rel="noreferrer">your %s settings page</a>; it shows me
                which account is yours, so that I read your own listens, which %s keeps in public anyway.</p>
                %s<form method="post" action="%s">
                <input type="hidden" name="state" value="%s">
                <label for="token">%s user token</label>
                <input type="text" id="token" name="token" autocomplete="off" spellcheck="false" required
                       maxlength="200">
                <button type="submit">Connect %s</button>
                </form>
                """.formatted(name, name, name,
                problem.isEmpty() ? "" : "<p class=\"problem\" id=\"problem\">" + Html.escape(problem) + "</p>\n",
                Html.escape(action), Html.escape(state), name, name);
        return Pages.page("Connect " + kind.displayName(), body, "");
    }
}
