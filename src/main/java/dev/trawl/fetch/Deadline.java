package dev.trawl.fetch;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The whole-request deadline of --timeout: DNS, connect, TLS, the request's write, headers and body, slow bodies
 * included. Every blocking step asks it for the time left, and every read checks it afterwards, so a body that
 * trickles in a byte at a time still ends when the time is up.
 *
 * <p>Time spent waiting for memory ({@link #pause} … {@link #resume}: a body buffer that cannot grow until other
 * pages give bytes back) is not the server's time and does not count, up to {@link #MAX_MEMORY_WAITS} × the timeout
 * in all: a request ends within 5 × --timeout whatever happens. Thread-safe: the requesting thread pauses and
 * resumes, a {@link Watchdog} reads.
 */
final class Deadline {
    /** Waits for memory may stretch a request to at most 1 + this many times its timeout. */
    static final int MAX_MEMORY_WAITS = 4;
    private final Duration timeout;
    private final long capNanos;
    private long endNanos; // guarded by this
    private long pausedSince; // guarded by this; valid while paused
    private int pauses; // guarded by this: nested pauses

    private Deadline(long startNanos, Duration timeout) {
        this.timeout = timeout;
        this.endNanos = startNanos + timeout.toNanos();
        this.capNanos = startNanos + timeout.toNanos() * (1 + MAX_MEMORY_WAITS);
    }

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime(), timeout);
    }

    /** Milliseconds left, rounded up and at least 1 (0 means "no timeout" to sockets); throws when none are. */
    int remainingMillis() throws HttpTimeoutException {
        long left = remainingNanos();
        if (left <= 0) throw timeoutException();
        return (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
    }

    /** Nanoseconds left (while paused: what will be left when the wait ends, unless the cap comes first). */
    synchronized long remainingNanos() {
        long now = System.nanoTime();
        long end = pauses > 0 ? endNanos + (now - pausedSince) : endNanos;
        return Math.min(end, capNanos) - now;
    }

    /** Nanoseconds until the latest end any pause may give: how long a wait for memory may last at most. */
    long nanosToCap() {
        return capNanos - System.nanoTime();
    }

    void check() throws HttpTimeoutException {
        if (expired()) throw timeoutException();
    }

    boolean expired() {
        return remainingNanos() <= 0;
    }

    synchronized boolean isPaused() {
        return pauses > 0;
    }

    /** Stops the clock: the caller is about to wait for memory. */
    synchronized void pause() {
        if (pauses++ == 0) pausedSince = System.nanoTime();
    }

    /** Starts the clock again; the time paused is added to the deadline (never past the cap). */
    synchronized void resume() {
        if (pauses == 0) throw new IllegalStateException("resume without pause");
        if (--pauses == 0) endNanos = Math.min(capNanos, endNanos + (System.nanoTime() - pausedSince));
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
