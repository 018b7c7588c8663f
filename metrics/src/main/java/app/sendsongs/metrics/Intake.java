package app.sendsongs.metrics;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.Map;

/** What both runtimes measure of the webhook intake and the handling of its events. */
public final class Intake {
    /** Webhook calls, by platform and outcome ({@code accepted}, or why they were refused). */
    public static final String WEBHOOK_REQUESTS = "send_songs.webhook.requests";
    /** Events (messages, taps, opened links) the webhook acknowledged, by platform. */
    public static final String WEBHOOK_EVENTS = "send_songs.webhook.events";
    /** Events handled, timed, by platform, input and outcome ({@code handled} or {@code failed}). */
    public static final String HANDLED = "send_songs.messages.handled";

    private Intake() {
    }

    /** A webhook call and how it ended, with the events it carried (0 unless accepted). */
    public static void webhook(Meters meters, Platform platform, String outcome, int events) {
        meters.count(WEBHOOK_REQUESTS, Map.of("platform", platform.id(), "outcome", outcome));
        if (events > 0) {
            meters.count(WEBHOOK_EVENTS, Map.of("platform", platform.id()), events);
        }
    }

    /** One event handled by the bot: how long it took and how it ended. */
    public static void handled(Meters meters, Inbound event, String outcome, Duration took) {
        meters.time(HANDLED, Map.of("platform", event.from().platform().id(), "input", inputOf(event),
                "outcome", outcome), took);
    }

    /**
     * What a person's event is: {@code text}, {@code choice}, {@code button}, {@code link}, {@code unreadable} (a photo...), {@code edited} (a message edited), {@code blocked} or
     * {@code unblocked}, or {@code group} for what happened in a group chat.
     */
    public static String inputOf(Inbound event) {
        return switch (event) {
            case Inbound.Text text -> "text";
            case Inbound.ChoiceTapped tap -> "choice";
            case Inbound.ButtonTapped tap -> "button";
            case Inbound.OpenedLink link -> "link";
            case Inbound.Unreadable unreadable -> "unreadable";
            case Inbound.Edited edited -> "edited";
            case Inbound.BotBlocked blocked -> "blocked";
            case Inbound.BotUnblocked unblocked -> "unblocked";
            case Inbound.InGroupChat inGroup -> "group";
        };
    }
}
