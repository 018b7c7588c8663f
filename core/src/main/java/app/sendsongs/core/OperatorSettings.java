package app.sendsongs.core;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.share.SendLimits;
import app.sendsongs.core.shared.WholeNumberSetting;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The core's settings an operator may change, by the names every runtime reads them under (the server's environment,
 * the environment of each Lambda function that uses them), checked the same way everywhere. Each read adds a problem
 * naming the variable for a value out of range and gives the default meanwhile, so a runtime can name every problem at
 * once.
 */
public final class OperatorSettings {
    public static final WholeNumberSetting SEND_LIMIT_PER_HOUR = WholeNumberSetting.positive("SEND_LIMIT_PER_HOUR",
            SendLimits.standard().songsPerHour());
    public static final WholeNumberSetting SEND_LIMIT_PER_FRIEND_PER_DAY = WholeNumberSetting.positive(
            "SEND_LIMIT_PER_FRIEND_PER_DAY", SendLimits.standard().songsPerFriendPerDay());
    public static final WholeNumberSetting SEND_LIMIT_OPEN_INVITES = WholeNumberSetting.positive(
            "SEND_LIMIT_OPEN_INVITES", SendLimits.standard().openInvites());
    public static final WholeNumberSetting HELD_MESSAGE_DAYS = WholeNumberSetting.positive("HELD_MESSAGE_DAYS",
            (int) Outbox.HOLD_LIMIT.toDays());
    /** At least 5 s: a Send API call and its echo must fit in it. */
    public static final WholeNumberSetting LEASE_SECONDS = new WholeNumberSetting("LEASE_SECONDS",
            (int) SendSongs.Settings.LEASE.toSeconds(), 5, WholeNumberSetting.MOST);

    private OperatorSettings() {
    }

    /** {@link SendSongs.Settings#limits()}. */
    public static SendLimits sendLimits(Map<String, String> values, List<String> problems) {
        return new SendLimits(SEND_LIMIT_PER_HOUR.read(values, problems),
                SEND_LIMIT_PER_FRIEND_PER_DAY.read(values, problems), SEND_LIMIT_OPEN_INVITES.read(values, problems));
    }

    /** {@link SendSongs.Settings#holdLimit()}. */
    public static Duration holdLimit(Map<String, String> values, List<String> problems) {
        return Duration.ofDays(HELD_MESSAGE_DAYS.read(values, problems));
    }

    /** {@link SendSongs.Settings#lease()}. */
    public static Duration lease(Map<String, String> values, List<String> problems) {
        return Duration.ofSeconds(LEASE_SECONDS.read(values, problems));
    }
}
