package app.sendsongs.exchange;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One outbound HTTP exchange with a deadline for all of it, body included, and a cap on the body's size. A request
 * timeout alone ends only the wait for the headers: a server that sends them and then stalls the body would hold
 * the caller for good, and one that sends without end would fill its memory.
 */
public final class BoundedExchange {
    private BoundedExchange() {
    }

    /**
     * Sends {@code request} and reads the whole answer into memory.
     *
     * @throws ExchangeFailure when the answer did not come within {@code deadline}, was longer than {@code maxBytes},
     *                         the server could not be reached, or the thread was interrupted
     */
    public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, Duration deadline, int maxBytes)
            throws ExchangeFailure {
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, CappedBody.handler(maxBytes));
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ExchangeFailure(ExchangeFailure.Kind.TIMED_OUT, "did not answer in time");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CappedBody.TooLarge) {
                throw new ExchangeFailure(ExchangeFailure.Kind.TOO_LARGE, "answered more than " + maxBytes + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new ExchangeFailure(ExchangeFailure.Kind.TIMED_OUT, "did not answer in time");
            }
            throw new ExchangeFailure(ExchangeFailure.Kind.UNREACHABLE, "could not be reached: "
                    + (cause == null ? "unknown" : cause.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExchangeFailure(ExchangeFailure.Kind.INTERRUPTED, "was interrupted while waiting for an answer");
        }
    }
}
