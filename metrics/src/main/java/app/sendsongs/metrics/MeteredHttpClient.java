package app.sendsongs.metrics;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client of one outside service's adapter, timing every call by how it ended: {@code ok} (an answer
 * below 400), {@code 4xx}, {@code 429}, {@code 5xx} or {@code no_answer} (refused, timed out, cut off). Only the
 * service's name and the outcome are tags: never a URL, which may carry a token.
 */
public final class MeteredHttpClient extends HttpClient {
    public static final String CALLS = "send_songs.outside.calls";

    private final HttpClient http;
    private final String service;
    private final Meters meters;

    public MeteredHttpClient(HttpClient http, String service, Meters meters) {
        this.http = http;
        this.service = service;
        this.meters = meters;
    }

    /**
     * The adapters' usual client (HTTP/1.1, redirects not followed, a connect timeout), timed for {@code service}.
     *
     * <p>Its executor runs the client's own tasks where they arise, on its selector thread, instead of handing each
     * to a pool thread: every answer read by the default pool cost two thread switches more, and in the load test
     * the client's pool threads took about a tenth of the server's CPU. Nothing slow runs there: every call reads
     * its answer into memory ({@code BoundedExchange}), and the caller waits on its own thread.
     */
    public static HttpClient standard(String service, Duration connectTimeout, Meters meters) {
        return new MeteredHttpClient(HttpClient.newBuilder().version(Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(Redirect.NEVER).executor(Runnable::run).build(), service, meters);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        String outcome = "no_answer";
        try {
            HttpResponse<T> response = http.send(request, handler);
            outcome = outcome(response.statusCode());
            return response;
        } finally {
            record(outcome, started);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> handler) {
        long started = System.nanoTime();
        return http.sendAsync(request, handler).whenComplete((response, failure) ->
                record(response == null ? "no_answer" : outcome(response.statusCode()), started));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        long started = System.nanoTime();
        return http.sendAsync(request, handler, pushPromiseHandler).whenComplete((response, failure) ->
                record(response == null ? "no_answer" : outcome(response.statusCode()), started));
    }

    static String outcome(int status) {
        if (status == 429) {
            return "429";
        }
        if (status >= 500) {
            return "5xx";
        }
        return status >= 400 ? "4xx" : "ok";
    }

    private void record(String outcome, long startedNanos) {
        meters.time(CALLS, Map.of("service", service, "outcome", outcome),
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return http.authenticator();
    }

    @Override
    public Version version() {
        return http.version();
    }

    @Override
    public Optional<Executor> executor() {
        return http.executor();
    }

    @Override
    public void close() {
        http.close();
    }
}
