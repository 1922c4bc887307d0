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

    WorkerHeartbeat(StoreReads.ConnectionSource source, Dialect dialect, WorkerId me) {
        this.thread = Thread.ofPlatform().name("trawl-heartbeat").daemon(true).start(() -> run(source, dialect, me));
    }

    private static void run(StoreReads.ConnectionSource source, Dialect dialect, WorkerId me) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Workers.HEARTBEAT);
            } catch (InterruptedException e) {
                return;
            }
            try (Connection connection = source.connect()) {
                connection.setAutoCommit(true);
                Workers.beat(connection, dialect, me);
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
