package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * --max-pages-per-host, counted where every worker and every resume sees it: {@code host_budget.admitted} is how
 * many URLs of a host have been let into the frontier (or promised to a process that will let them in). A process
 * reserves allowance in chunks in one short transaction; the row is locked by the UPDATE (PostgreSQL) or the write
 * lock (SQLite), so two workers can never reserve the same allowance, and the total never passes the limit.
 */
final class HostBudgets {
    private HostBudgets() {}

    /** Reserves up to {@code wanted} URLs of host under {@code limit}; returns how many were granted (maybe 0). */
    static long reserve(Connection c, String host, long wanted, long limit) throws SQLException {
        try (PreparedStatement ensure = c.prepareStatement(
                "INSERT INTO host_budget (host, admitted) VALUES (?, 0) ON CONFLICT (host) DO NOTHING");
             PreparedStatement lock = c.prepareStatement(
                     "UPDATE host_budget SET admitted = admitted WHERE host = ? RETURNING admitted");
             PreparedStatement add = c.prepareStatement("UPDATE host_budget SET admitted = ? WHERE host = ?")) {
            ensure.setString(1, host);
            ensure.executeUpdate();
            lock.setString(1, host);
            long admitted;
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                admitted = rs.getLong(1);
            }
            long granted = Math.max(0, Math.min(wanted, limit - admitted));
            if (granted > 0) {
                add.setLong(1, admitted + granted);
                add.setString(2, host);
                add.executeUpdate();
            }
            return granted;
        }
    }

    /** Gives back allowance reserved and not used (a process ending cleanly), so a resume may use it. */
    static Void giveBack(Connection c, Map<String, Long> unused) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE host_budget SET admitted = admitted - ? WHERE host = ? AND admitted >= ?")) {
            for (var entry : unused.entrySet()) {
                if (entry.getValue() <= 0) continue;
                ps.setLong(1, entry.getValue());
                ps.setString(2, entry.getKey());
                ps.setLong(3, entry.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return null;
    }
}
