package dev.trawl.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Makes single GET requests, http:// and https:// alike, through trawl's HTTP/1.1 client ({@link Http1Client}):
 * one transport, so that every limit, deadline and guard holds on every path. Redirects are not followed here:
 * the crawler follows them itself so that each hop is checked against scope and robots.txt and goes through the
 * politeness limits. Blocking: call it from a virtual thread.
 */
public final class Fetcher implements HttpGet, AutoCloseable {
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private final Http1Client http1;

    public Fetcher(FetchSettings settings) {
        this.http1 = new Http1Client(settings, ACCEPT);
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
            return http1.get(uri, requestHeaders, keepBody);
        } catch (IOException e) {
            // On a virtual thread, interrupt closes a blocked socket: the read fails and the status stays set.
            if (Thread.interrupted()) throw new InterruptedException("request to " + uri + " interrupted");
            return FailureClassifier.classify(e);
        } catch (IllegalArgumentException e) {
            return new HttpAnswer.Failure(FetchError.BAD_URL, e.getMessage());
        }
    }

    /** Idle keep-alive connections; a seam for tests. */
    int idleHttpConnections() {
        return http1.idleConnections();
    }

    @Override
    public void close() {
        http1.close();
    }
}
