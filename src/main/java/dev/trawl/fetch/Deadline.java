package dev.trawl.fetch;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The whole-request deadline of --timeout: DNS, connect, TLS, the request's write, headers and body, slow bodies
 * included. Every blocking
 * step asks it for the time left, and every read checks it afterwards, so a body that trickles in a byte at
 * a time still ends when the time is up.
 */
final class Deadline {
    private final long endNanos;
    private final Duration timeout;

    private Deadline(long endNanos, Duration timeout) {
        this.endNanos = endNanos;
        this.timeout = timeout;
    }

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** Milliseconds left, rounded up and at least 1 (0 means "no timeout" to sockets); throws when none are. */
    int remainingMillis() throws HttpTimeoutException {
        long left = endNanos - System.nanoTime();
        if (left <= 0) throw timeoutException();
        return (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
    }

    void check() throws HttpTimeoutException {
        if (expired()) throw timeoutException();
    }

    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The timeout failure, for a step that the deadline cut short (cause: what that step threw). */
    HttpTimeoutException expiredException(Throwable cause) {
        var e = timeoutException();
        e.initCause(cause);
        return e;
    }

    private HttpTimeoutException timeoutException() {
        return new HttpTimeoutException("no complete response within " + timeout);
    }
}
