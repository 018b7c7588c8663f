package app.sendsongs.web;

import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.registration.CallbackResult;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.time.Instant;

/**
 * The page a person lands on after a source's consent: the one-time code and the command to send (the plain page),
 * that they are registered and the way back to the chat (a personal link), why a source refuses them and the other
 * sources, the paste form again, or what went wrong.
 */
public final class CallbackPage {
    private CallbackPage() {
    }

    public static String render(CallbackResult result, Instant now) {
        return render(result, now, PageHeaders.nonce(), "");
    }

    /**
     * The page whose script carries {@code scriptNonce}, the nonce its Content-Security-Policy names;
     * {@code pasteAction} is where the paste form posts (used only by {@link CallbackResult.PasteAgain}).
     */
    public static String render(CallbackResult result, Instant now, String scriptNonce, String pasteAction) {
        return switch (result) {
            case CallbackResult.Connected connected -> connected(connected, now, scriptNonce);
            case CallbackResult.Registered registered -> registered(registered);
            case CallbackResult.NotAllowed notAllowed -> notAllowed(notAllowed);
            case CallbackResult.PasteAgain again -> PastePage.render(again.kind(), again.state(), pasteAction,
                    again.message());
            case CallbackResult.Failed failed -> Pages.page("Not connected", "<p>" + Html.linked(failed.message())
                    + "</p>\n" + failed.back().map(CallbackPage::backLink).orElse(""), "");
            case CallbackResult.AlreadyUsed used -> Pages.page("Already used", "<p id=\"already-used\">"
                    + Html.linked(used.message()) + "</p>\n" + used.back().map(CallbackPage::backLink).orElse(""), "");
        };
    }

    private static String connected(CallbackResult.Connected connected, Instant now, String scriptNonce) {
        String code = Html.escape(connected.registrationCode());
        long minutes = Math.max(1, Duration.between(now, connected.expiresAt()).toMinutes());
        String body = """
                <p>%s is connected. Your one-time code:</p>
                <p class="code" id="registration-code">%s</p>
                <p>Send this to the Send Songs bot within %d minutes:</p>
                <pre id="register-command">register code:"%s" name:"Your Full Name"</pre>
                <p>Use the name your friends know you by; they will send you songs with it.</p>
                """.formatted(Html.escape(connected.kind().displayName()), code, minutes, code);
        String script = """
                <script nonce="%s">
                if (window.opener) {
                  window.opener.postMessage({type: "registration-code", code: "%s"}, location.origin);
                }
                </script>
                """.formatted(Html.escape(scriptNonce), code);
        return Pages.page("Connected", body, script);
    }

    private static String registered(CallbackResult.Registered registered) {
        String chat = chatName(registered.platform());
        String body = """
                <p id="registered">You're %s with %s, and friends find you as <strong>%s</strong>.</p>
                <p>I've written to you on %s: go back to the chat to send and receive songs. You can change your name
                there with <code>%s "Your Full Name"</code>.</p>
                <p><a href="%s">Back to %s</a></p>
                """.formatted(registered.reconnected() ? "connected" : "registered and connected",
                Html.escape(registered.kind().displayName()), Html.escape(registered.name()), Html.escape(chat),
                Html.escape(CommandStyle.of(registered.platform()).spell("name")),
                Html.escape(registered.chatLink().orElseGet(() -> chatLink(registered.platform()))), Html.escape(chat));
        return Pages.page("Connected", body, "");
    }

    private static String notAllowed(CallbackResult.NotAllowed notAllowed) {
        StringBuilder body = new StringBuilder("<p id=\"not-allowed\">")
                .append(Html.escape(notAllowed.explanation())).append("</p>\n");
        if (notAllowed.alternatives().isEmpty()) {
            body.append("<p>This server offers no other service to connect.</p>\n");
        } else {
            body.append("<p>Connect one of these instead:</p>\n<ul>\n");
            for (CallbackResult.Alternative other : notAllowed.alternatives()) {
                body.append("<li><a href=\"").append(Html.escape(other.url())).append("\">Connect ")
                        .append(Html.escape(other.kind().displayName())).append("</a></li>\n");
            }
            body.append("</ul>\n");
        }
        return Pages.page("Not connected", body.toString(), "");
    }

    /** "Back to Messenger" (or Telegram), a paragraph with the link to the bot's chat. */
    static String backLink(CallbackResult.BackToChat back) {
        String chat = chatName(back.platform());
        return "<p><a href=\"" + Html.escape(back.link().orElseGet(() -> chatLink(back.platform()))) + "\">Back to "
                + Html.escape(chat) + "</a></p>\n";
    }

    private static String chatName(Platform platform) {
        return platform.equals(Platform.TELEGRAM) ? "Telegram"
                : platform.equals(Platform.MESSENGER) ? "Messenger" : "your chat";
    }

    /** The chat app's own address, when the platform gives no link to the bot's chat: on a phone it opens the app. */
    private static String chatLink(Platform platform) {
        return platform.equals(Platform.TELEGRAM) ? "https://t.me/" : "https://www.messenger.com/";
    }
}
