package dev.trawl.fetch;

import java.net.Socket;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends an exchange when its {@link Deadline} passes. SO_TIMEOUT bounds each read, but nothing bounds a write to a
 * server that does not read (a 5 MB query string) or a TLS handshake's writes: closing the socket makes any blocked
 * call fail at once. When it fires early (the deadline was paused for a memory wait and moved on) it sets itself again
 * for the time left. One daemon thread for the whole process; a cancelled timer is removed from its queue.
 */
final class Watchdog {
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    /** How often a paused deadline is looked at again: its end moves while it is paused. */
    private static final long PAUSED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Watchdog() {}

    private static ScheduledThreadPoolExecutor timer() {
        var timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "trawl-fetch-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Closes socket when deadline passes, unless the returned timer is cancelled first. */
    static Future<?> closeAt(Socket socket, Deadline deadline) {
        return at(deadline, () -> {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closed already
            }
        });
    }

    /** Runs onExpiry (on the timer thread: it must not block) when deadline passes, unless cancelled first. */
    static Future<?> at(Deadline deadline, Runnable onExpiry) {
        var timer = new Timer(deadline, onExpiry);
        timer.arm();
        return timer;
    }

    /** Completes when it has run; cancelling it removes the scheduled check. */
    private static final class Timer extends CompletableFuture<Void> {
        private final Deadline deadline;
        private final Runnable onExpiry;
        private volatile Future<?> scheduled;

        Timer(Deadline deadline, Runnable onExpiry) {
            this.deadline = deadline;
            this.onExpiry = onExpiry;
        }

        void arm() {
            long left = deadline.remainingNanos();
            if (deadline.isPaused()) left = Math.max(left, PAUSED_POLL_NANOS);
            scheduled = TIMER.schedule(this::fire, Math.max(0, left), TimeUnit.NANOSECONDS);
            if (isCancelled()) scheduled.cancel(false);
        }

        private void fire() {
            if (isDone()) return;
            if (!deadline.expired()) {
                arm();
                return;
            }
            onExpiry.run();
            complete(null);
        }

        /**
         * Every exchange ends by cancelling its timer. CompletableFuture's own cancel makes a CancellationException
         * with its stack trace each time (1 % of a crawl's CPU in a profile); this one is the same state without it.
         */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = completeExceptionally(new Ended());
            Future<?> s = scheduled;
            if (s != null) s.cancel(false);
            return cancelled || isCancelled();
        }
    }

    /** The state of a timer cancelled because its exchange ended: no stack trace, nothing throws it. */
    private static final class Ended extends CancellationException {
        Ended() {
            super("the exchange ended before its deadline");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
