package dev.trawl.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Refreshes this worker's heartbeat every {@link Workers#HEARTBEAT} on a pooled connection of its own, not through
 * the write queue: a long batch or a full queue must not make a busy worker look dead. A failed beat is tried again
 * at the next tick; if the database is gone, the writer notices and ends the crawl.
 */
final class WorkerHeartbeat implements AutoCloseable {
    private final Thread thread;

    /** What a beat says besides "alive": the units this worker can use, and the pages it has written. */
    interface Report {
        int wants();

        long pages();
    }

    WorkerHeartbeat(StoreReads.ConnectionSource source, Dialect dialect, WorkerId me, Report report) {
        this.thread = Thread.ofPlatform().name("trawl-heartbeat").daemon(true)
                .start(() -> run(source, dialect, me, report));
    }

    private static void run(StoreReads.ConnectionSource source, Dialect dialect, WorkerId me, Report report) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Workers.HEARTBEAT);
            } catch (InterruptedException e) {
                return;
            }
            try (Connection connection = source.connect()) {
                connection.setAutoCommit(true);
                Workers.beat(connection, dialect, me, report.wants(), report.pages());
            } catch (SQLException e) {
                // next tick; a database that stays away fails the writer, which ends the crawl
            }
        }
    }

    /** Stops beating; waits for a beat in progress to end. */
    @Override
    public void close() {
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
