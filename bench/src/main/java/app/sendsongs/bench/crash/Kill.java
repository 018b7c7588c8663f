package app.sendsongs.bench.crash;

import java.util.Locale;

/**
 * One {@code kill -9} of the server during a burst.
 *
 * @param burst             which burst (from 1)
 * @param afterSeconds      how long after the burst began
 * @param sinceLastAck      how long after the burst's last 200; negative when none had come
 * @param acknowledged      the burst's POSTs answered 200 before it
 * @param toSendAgain       the burst's POSTs left without a 200, sent again once the server was back
 */
record Kill(int burst, double afterSeconds, double sinceLastAck, int acknowledged, int toSendAgain) {

    static Kill of(int burst, BurstSender.Result result) {
        long killedAt = result.killedAt().orElseThrow();
        double sinceLastAck = result.lastAcknowledgedAt() == 0 ? -1
                : (killedAt - result.lastAcknowledgedAt()) / 1e9;
        return new Kill(burst, (killedAt - result.startedAt()) / 1e9, sinceLastAck, result.acknowledged(),
                result.unansweredCount());
    }

    String format() {
        return String.format(Locale.ROOT, "burst %2d: killed %.2f s after it began, %s; %,d POSTs acknowledged, "
                + "%,d to send again", burst, afterSeconds, sinceLastAck < 0 ? "before any 200"
                : String.format(Locale.ROOT, "%.2f s after the last 200", sinceLastAck), acknowledged, toSendAgain);
    }
}
