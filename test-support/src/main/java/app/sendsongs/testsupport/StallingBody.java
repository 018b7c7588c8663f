package app.sendsongs.testsupport;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An answer body for a stand-in server that sends its first {@value #SENT_AT_ONCE} bytes at once (past any output
 * buffer, so the headers and a first part surely go out) and the rest only after a stall: a client must give up on
 * it in time. If the server stops meanwhile, the body just ends.
 */
public final class StallingBody {
    public static final int SENT_AT_ONCE = 65_536;

    private StallingBody() {
    }

    /**
     * {@code body}, stalling {@code stall} after its first part; at once throughout when {@code stall} is zero. Once
     * {@code stopping} is counted down the body ends there, so that the server's stop does not wait the stall out.
     */
    public static InputStream of(byte[] body, Duration stall, CountDownLatch stopping) {
        return new InputStream() {
            private int next;

            @Override
            public int read() {
                if (next == SENT_AT_ONCE && !stall.isZero()) {
                    try {
                        if (stopping.await(stall.toNanos(), TimeUnit.NANOSECONDS)) {
                            return -1;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                }
                return next < body.length ? body[next++] & 0xff : -1;
            }
        };
    }
}
