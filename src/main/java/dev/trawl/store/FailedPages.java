package dev.trawl.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The pages worth fetching again (`trawl crawl --retry-failed`): those that got no usable answer (an error code)
 * or a 5xx. robots.txt denials are left alone (the same robots.txt denies them again), and so are 4xx answers,
 * which are the server's considered reply.
 */
public final class FailedPages {
    /** The SQL condition on the pages table, aliased {@code p}, that picks a retryable failure. */
    public static final String RETRYABLE = "((p.error IS NOT NULL AND p.error <> 'robots') OR p.status >= 500)";

    private FailedPages() {}

    /**
     * Makes every retryable failure pending again and removes its page and links rows, in the caller's write
     * transaction; returns how many. A page removed here is fetched again by the crawl, which also frees its place
     * under --max-pages; until then it is in no export (it is a pending URL again).
     */
    static int requeue(Connection connection) throws SQLException {
        String failed = "SELECT p.frontier_id FROM pages p WHERE " + RETRYABLE;
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("UPDATE frontier SET state = " + FrontierClaims.PENDING + ", claimed_by = NULL"
                    + " WHERE id IN (" + failed + ")");
            st.executeUpdate("DELETE FROM links WHERE frontier_id IN (" + failed + ")");
            st.executeUpdate("DELETE FROM bodies WHERE frontier_id IN (" + failed + ")");
            return st.executeUpdate("DELETE FROM pages WHERE frontier_id IN (" + failed + ")");
        }
    }
}
