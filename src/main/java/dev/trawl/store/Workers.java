package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Who is working on a shared frontier, and who has died. Each crawling process registers a row in
 * {@code workers} and {@link WorkerHeartbeat} refreshes its {@code heartbeat_at} every {@link #HEARTBEAT}; a worker
 * whose heartbeat is older than {@link #TTL} is dead: its claims go back to pending and its host leases may be
 * taken over. Times are the database server's clock ({@link Dialect#nowMillis}), so clocks of the workers' machines
 * need not agree.
 *
 * <p>The trade-off of leases that expire: a worker that stops for longer than the TTL (a GC pause, a suspended VM)
 * and then carries on may fetch URLs that others have claimed since. The page upsert keeps the database right (one
 * row per URL, marked done whoever wrote it); the site may see such a URL twice.
 */
final class Workers {
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    static final Duration TTL = Duration.ofSeconds(10);

    private Workers() {}

    /** SQL: the ids of the workers alive now. */
    static String liveIds(Dialect dialect) {
        return "SELECT id FROM workers WHERE heartbeat_at > " + cutoff(dialect);
    }

    /** SQL: the heartbeat time below which a worker is dead. */
    static String cutoff(Dialect dialect) {
        return "(" + dialect.nowMillis() + " - " + TTL.toMillis() + ")";
    }

    /**
     * Adds the worker, or refreshes its heartbeat if it is there (a worker presumed dead that came back), with the
     * units of hosts it can use and the pages it has written so far.
     */
    static void beat(Connection connection, Dialect dialect, WorkerId me, int wants, long pages) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO workers (id, hostname, pid, started_at,"
                + " heartbeat_at, wants, pages) VALUES (?, ?, ?, " + dialect.nowMillis() + ", " + dialect.nowMillis()
                + ", ?, ?) ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, wants = excluded.wants,"
                + " pages = excluded.pages")) {
            ps.setString(1, me.id());
            ps.setString(2, me.hostname());
            ps.setLong(3, me.pid());
            ps.setInt(4, wants);
            ps.setLong(5, pages);
            ps.executeUpdate();
        }
    }

    /**
     * Makes the URLs claimed by dead workers (and by no worker: claims made before schema version 3) pending again,
     * then forgets the dead workers whose claims are all back. Only the claims of dead workers are visited (through
     * frontier_claimed), so a check that finds nobody dead costs one scan of the small workers table. Rows another
     * transaction holds are skipped: the dead worker's row then stays, and the next call gets them. Returns how many
     * URLs came back.
     */
    static int releaseDead(Connection connection, Dialect dialect) throws SQLException {
        int released;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE frontier SET state = " + FrontierClaims.PENDING
                + ", claimed_by = NULL WHERE id IN (SELECT id FROM frontier WHERE state = " + FrontierClaims.CLAIMED
                + " AND (claimed_by IS NULL OR claimed_by IN (SELECT id FROM workers WHERE heartbeat_at <= "
                + cutoff(dialect) + "))" + dialect.claimLock() + ")")) {
            released = ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM workers WHERE heartbeat_at <= "
                + cutoff(dialect) + " AND NOT EXISTS (SELECT 1 FROM frontier f WHERE f.state = " + FrontierClaims.CLAIMED
                + " AND f.claimed_by = workers.id)")) {
            ps.executeUpdate();
        }
        // slots of dead workers are free already (they count only while their worker lives); this only tidies up
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM host_slots WHERE worker NOT IN ("
                + liveIds(dialect) + ")")) {
            ps.executeUpdate();
        }
        return released;
    }

    /** A worker leaving cleanly: its unfinished claims go back to pending at once, its hosts are free. */
    static void leave(Connection connection, WorkerId me) throws SQLException {
        for (String sql : new String[] {
                "UPDATE frontier SET state = " + FrontierClaims.PENDING + ", claimed_by = NULL WHERE state = "
                        + FrontierClaims.CLAIMED + " AND claimed_by = ?",
                "DELETE FROM host_slots WHERE worker = ?",
                "DELETE FROM workers WHERE id = ?"}) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, me.id());
                ps.executeUpdate();
            }
        }
    }
}
