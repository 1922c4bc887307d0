package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The frontier's states as the crawl works through it: pending (0) → claimed (2) by the process that will
 * fetch it → done (1) with its page. Only claimed URLs are held in memory, so a crawl's memory does not grow
 * with its frontier, and several processes can share one frontier without fetching a URL twice.
 */
final class FrontierClaims {
    static final int PENDING = 0;
    static final int DONE = 1;
    static final int CLAIMED = 2;
    /**
     * SQL condition on pages: a URL that was attempted, not a skip row of a trap rule (nothing was requested for
     * those, so they do not count against --max-pages).
     */
    static final String ATTEMPTED = "(error IS NULL OR error NOT IN ("
            + java.util.Arrays.stream(dev.trawl.frontier.SkipReason.values()).map(r -> "'" + r.code() + "'")
                    .collect(java.util.stream.Collectors.joining(", ")) + "))";

    private FrontierClaims() {}

    /** Claims up to max pending URLs, oldest first (breadth-first, as discovered). */
    static List<FrontierEntry> claim(Connection connection, Dialect dialect, int max) throws SQLException {
        if (max <= 0) return List.of();
        String sql = "UPDATE frontier SET state = " + CLAIMED + " WHERE id IN (SELECT id FROM frontier WHERE state = "
                + PENDING + " ORDER BY id LIMIT ?" + dialect.claimLock() + ") RETURNING id, url, depth";
        record Claimed(long id, FrontierEntry entry) {}
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) claimed.add(new Claimed(rs.getLong(1), new FrontierEntry(rs.getString(2), rs.getInt(3))));
            }
        }
        claimed.sort(Comparator.comparingLong(Claimed::id)); // RETURNING promises no order
        return claimed.stream().map(Claimed::entry).toList();
    }

    /**
     * How many more URLs may be claimed under --max-pages: maxPages less the pages stored and the URLs claimed
     * (by any worker) and not yet stored. Long.MAX_VALUE when maxPages is. Counting the pages table is linear in
     * it, which is why this runs only for crawls with a page limit.
     */
    static long budgetLeft(Connection connection, long maxPages) throws SQLException {
        if (maxPages == Long.MAX_VALUE) return Long.MAX_VALUE;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM pages WHERE " + ATTEMPTED + ") + (SELECT COUNT(*) FROM frontier"
                     + " WHERE state = " + CLAIMED + ")")) {
            rs.next();
            return Math.max(0, maxPages - rs.getLong(1));
        }
    }

    /**
     * Whether the crawl may still produce work for anyone: a URL claimed by another worker (it may discover
     * more), or a pending URL that --max-pages still allows. Claims of workers that died count too: they are
     * released, so become pending, within seconds.
     */
    static boolean hasWorkLeft(Connection connection, String worker, long maxPages) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM frontier WHERE state = "
                + CLAIMED + " AND claimed_by <> ?), EXISTS (SELECT 1 FROM frontier WHERE state = " + PENDING + ")")) {
            ps.setString(1, worker);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) return true;
                if (!rs.getBoolean(2)) return false;
            }
        }
        return budgetLeft(connection, maxPages) > 0;
    }

    /** Makes every claimed URL pending again: claims of a process that is gone (after a crash). */
    static int releaseAll(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            return st.executeUpdate("UPDATE frontier SET state = " + PENDING + ", claimed_by = NULL WHERE state = " + CLAIMED);
        }
    }
}
