package dev.trawl.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Makes single GET requests, http:// and https:// alike, through trawl's HTTP/1.1 client ({@link Http1Client}), or
 * https:// through {@link Http2Client} with --http2 (not through a proxy): the same deadline, guard, limits and answer
 * on every path. Redirects are not followed here:
 * the crawler follows them itself so that each hop is checked against scope and robots.txt and goes through the
 * politeness limits. Blocking: call it from a virtual thread.
 */
public final class Fetcher implements HttpGet, AutoCloseable {
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private final FetchSettings settings;
    private final Http1Client http1;
    private Http2Client http2; // guarded by this; made on the first https:// request that needs it
    private boolean closed; // guarded by this
    /** Whether exchanges go to an archive: only the HTTP/1.1 client hands over their exact bytes. */
    private final boolean captured;

    public Fetcher(FetchSettings settings) {
        this.settings = settings;
        this.http1 = new Http1Client(settings, ACCEPT);
        this.captured = false;
    }

    /**
     * A fetcher that hands every exchange, with its exact bytes, to sink (see {@link ExchangeSink}): what
     * {@code trawl crawl --warc} records. Bodies the caller does not keep are then read too, up to the limit.
     */
    public Fetcher(FetchSettings settings, ExchangeSink sink) {
        this.settings = settings;
        this.http1 = new Http1Client(settings, ACCEPT, Objects.requireNonNull(sink, "sink"));
        this.captured = true;
    }

    /**
     * Sends a GET and waits for the whole response, body included, for at most the timeout.
     *
     * @param keepBody given status and Content-Type, whether the body is wanted; unwanted bodies are counted
     *                 and dropped
     * @throws InterruptedException when the calling thread is interrupted; the request is abandoned
     */
    @Override
    public HttpAnswer get(String url, BiPredicate<Integer, String> keepBody) throws InterruptedException {
        return get(url, List.of(), keepBody);
    }

    /**
     * As {@link #get(String, BiPredicate)}, with headers of this request only (a recrawl's {@code If-None-Match} and
     * {@code If-Modified-Since}), sent after the Host line. Their values must hold no control character.
     */
    @Override
    public HttpAnswer get(String url, List<Header> requestHeaders, BiPredicate<Integer, String> keepBody)
            throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new HttpAnswer.Failure(FetchError.BAD_URL, e.getMessage());
        }
        if (Thread.interrupted()) throw new InterruptedException("request to " + uri + " not started");
        try {
            // conditional requests (a recrawl's) go over HTTP/1.1: only its client sends per-request headers
            Http2Client h2 = requestHeaders.isEmpty() && usesHttp2(uri) ? http2() : null;
            return h2 != null ? h2.get(uri, keepBody) : http1.get(uri, requestHeaders, keepBody);
        } catch (IOException e) {
            // On a virtual thread, interrupt closes a blocked socket: the read fails and the status stays set.
            if (Thread.interrupted()) throw new InterruptedException("request to " + uri + " interrupted");
            return FailureClassifier.classify(e);
        } catch (IllegalArgumentException e) {
            return new HttpAnswer.Failure(FetchError.BAD_URL, e.getMessage());
        }
    }

    /** --http2 for https://, unless through a proxy or into an archive (the HTTP/2 client does not capture). */
    private boolean usesHttp2(URI uri) {
        return settings.http2() && settings.proxy() == null && !captured && "https".equalsIgnoreCase(uri.getScheme());
    }

    /** Started on first use: an http:// crawl never pays for Jetty's start-up. Null once closed. */
    private synchronized Http2Client http2() {
        if (http2 == null && !closed) http2 = new Http2Client(settings, ACCEPT);
        return http2;
    }

    /** Idle keep-alive connections; a seam for tests. */
    int idleHttpConnections() {
        return http1.idleConnections();
    }

    @Override
    public void close() {
        http1.close();
        Http2Client h2;
        synchronized (this) {
            closed = true;
            h2 = http2;
        }
        if (h2 != null) h2.close();
    }
}
