package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The pages a recrawl ({@code trawl crawl --recrawl}) fetches again: every URL stored with a response (a status),
 * fetched before a cutoff. Errors and robots.txt denials are left to --retry-failed; skip rows stay skipped. Unlike
 * {@link FailedPages}, the pages and links rows stay: they hold what the recrawl compares with and sends back (the
 * validators), and what a 304 keeps.
 */
final class RecrawlPages {
    /** Frontier rows made pending per transaction, so that a recrawl of millions never holds one long write lock. */
    static final int BATCH = 10_000;
    private static final String WINDOW = "SELECT frontier_id FROM pages WHERE frontier_id > ? AND status IS NOT NULL"
            + " AND fetched_at < ? ORDER BY frontier_id LIMIT ?";

    private RecrawlPages() {}

    /** A step of the requeue: how many were made pending, and the page id to go on after (-1: done). */
    record Step(int requeued, long after) {}

    /**
     * Makes the next batch of done URLs fetched before {@code before}, after page id {@code after}, pending again, in
     * the caller's write transaction. Walks the pages in id order, so each step reads only its own window.
     */
    static Step requeue(Connection connection, Instant before, long after, int batch) throws SQLException {
        String cutoff = Timestamps.format(before);
        long last;
        try (PreparedStatement ps = connection.prepareStatement("SELECT MAX(frontier_id) FROM (" + WINDOW + ") w")) {
            ps.setLong(1, after);
            ps.setString(2, cutoff);
            ps.setInt(3, batch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
                if (rs.wasNull()) return new Step(0, -1);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE frontier SET state = " + FrontierClaims.PENDING
                + ", claimed_by = NULL WHERE state = " + FrontierClaims.DONE + " AND id IN (SELECT frontier_id FROM pages"
                + " WHERE frontier_id > ? AND frontier_id <= ? AND status IS NOT NULL AND fetched_at < ?)")) {
            ps.setLong(1, after);
            ps.setLong(2, last);
            ps.setString(3, cutoff);
            return new Step(ps.executeUpdate(), last);
        }
    }
}
