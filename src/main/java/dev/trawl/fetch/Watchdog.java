package dev.trawl.fetch;

import java.net.Socket;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes an exchange's socket when its deadline passes. SO_TIMEOUT bounds each read, but nothing bounds a write
 * to a server that does not read (a 5 MB query string) or a TLS handshake's writes: closing the socket makes any
 * blocked call fail at once. One daemon thread for the whole process; a cancelled timer is removed from its queue.
 */
final class Watchdog {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

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

    /** Closes socket after millis unless the returned timer is cancelled first. */
    static Future<?> closeAfter(Socket socket, long millis) {
        return TIMER.schedule(() -> {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closed already
            }
        }, millis, TimeUnit.MILLISECONDS);
    }
}
