package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Claims on a frontier shared by several workers (PostgreSQL). A host is leased to one worker at a time
 * ({@code host_leases}), and a worker claims only pending URLs of hosts it holds, so its own scheduler's --per-host
 * and --delay are the whole crawl's. A lease lasts as long as its worker's heartbeat ({@link Workers}): there is no
 * per-host renewal traffic, and the hosts of a dead worker are free the moment it is found dead.
 *
 * <p>One claim is one transaction on the writer's connection: give back held hosts with nothing left to do; if fewer
 * held hosts than wanted still have pending URLs, lease new hosts with pending URLs to make up the number (a host
 * whose URLs are all claimed stays held, without counting, until its last page is stored; never more than twice the
 * number wanted in all); then claim pending URLs of
 * the held hosts, at most {@code ceil(max / held)} per host and oldest first within a host.
 */
final class HostLeases {
    private static final Dialect DIALECT = Dialect.POSTGRES;

    /** Held hosts without pending URLs and without URLs this worker claimed and has not stored yet. */
    private static final String GIVE_BACK = "DELETE FROM host_leases l WHERE l.worker = ?"
            + " AND NOT EXISTS (SELECT 1 FROM frontier f WHERE f.host = l.host AND f.state = " + FrontierClaims.PENDING + ")"
            + " AND NOT EXISTS (SELECT 1 FROM frontier f WHERE f.claimed_by = l.worker AND f.host = l.host AND f.state = "
            + FrontierClaims.CLAIMED + ")";

    /**
     * Distinct hosts with pending URLs that no live worker holds. The recursive query walks frontier_pending_host
     * one host at a time (a loose index scan), so it costs one index probe per host passed, not one per pending row.
     */
    private static final String FREE_HOSTS = "WITH RECURSIVE pending_hosts(host) AS ("
            + " (SELECT host FROM frontier WHERE state = 0 AND host IS NOT NULL ORDER BY host LIMIT 1)"
            + " UNION ALL SELECT (SELECT f.host FROM frontier f WHERE f.state = 0 AND f.host > p.host ORDER BY f.host LIMIT 1)"
            + " FROM pending_hosts p WHERE p.host IS NOT NULL)"
            + " SELECT host FROM pending_hosts p WHERE p.host IS NOT NULL AND NOT EXISTS (SELECT 1 FROM host_leases l"
            + " WHERE l.host = p.host AND l.worker IN (" + Workers.liveIds(DIALECT) + ")) LIMIT ?";

    /**
     * Leases hosts unless a live worker got there first. Sorted, so that two workers leasing overlapping sets lock
     * rows in the same order and cannot deadlock.
     */
    private static final String LEASE = "INSERT INTO host_leases (host, worker) SELECT h, ? FROM unnest(?::text[]) AS t(h)"
            + " ORDER BY h ON CONFLICT (host) DO UPDATE SET worker = excluded.worker"
            + " WHERE host_leases.worker NOT IN (" + Workers.liveIds(DIALECT) + ") RETURNING host";

    private static final String CLAIM = "UPDATE frontier SET state = " + FrontierClaims.CLAIMED + ", claimed_by = ?"
            + " WHERE id IN (SELECT c.id FROM host_leases l CROSS JOIN LATERAL (SELECT id FROM frontier"
            + " WHERE host = l.host AND state = " + FrontierClaims.PENDING + " ORDER BY id LIMIT ?) c"
            + " WHERE l.worker = ? LIMIT ?) AND state = " + FrontierClaims.PENDING + " RETURNING id, url, depth";

    private HostLeases() {}

    /** Claims up to max URLs for worker me, holding at most hostsWanted hosts; see the class comment. */
    static Claim claim(Connection connection, WorkerId me, int hostsWanted, int max) throws SQLException {
        if (max <= 0) return Claim.NONE;
        update(connection, GIVE_BACK, me.id());
        int[] held = held(connection, me);
        List<String> leased = List.of();
        // Hosts whose pending URLs are all claimed do not count (their queue ran dry), but a worker holds at most
        // twice the hosts it wants, so that one worker cannot take every host while its claims drain.
        int room = Math.min(hostsWanted - held[1], 2 * hostsWanted - held[0]);
        if (room > 0) {
            leased = lease(connection, me, freeHosts(connection, room));
            held[0] += leased.size();
        }
        int hosts = held[0];
        List<FrontierEntry> claimed = hosts == 0 ? List.of() : claimFromHeld(connection, me, (max + hosts - 1) / hosts, max);
        addTotals(connection, me, claimed.size(), leased.size());
        return new Claim(claimed, leased, java.util.Map.of(), List.of());
    }

    /** Keeps the worker's running totals (for people, `trawl status` and bench/workers.sh), in the same transaction. */
    private static void addTotals(Connection connection, WorkerId me, int claimed, int leased) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE workers SET claims = claims + 1,"
                + " claimed = claimed + ?, hosts_leased = hosts_leased + ? WHERE id = ?")) {
            ps.setInt(1, claimed);
            ps.setInt(2, leased);
            ps.setString(3, me.id());
            ps.executeUpdate();
        }
    }

    /** The hosts this worker holds: all of them, and those that still have pending URLs. */
    private static int[] held(Connection connection, WorkerId me) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*), COUNT(*) FILTER (WHERE EXISTS"
                + " (SELECT 1 FROM frontier f WHERE f.host = l.host AND f.state = " + FrontierClaims.PENDING + "))"
                + " FROM host_leases l WHERE l.worker = ?")) {
            ps.setString(1, me.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    private static List<String> freeHosts(Connection connection, int limit) throws SQLException {
        List<String> hosts = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(FREE_HOSTS)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) hosts.add(rs.getString(1));
            }
        }
        return hosts;
    }

    private static List<String> lease(Connection connection, WorkerId me, List<String> hosts) throws SQLException {
        if (hosts.isEmpty()) return List.of();
        List<String> leased = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(LEASE)) {
            ps.setString(1, me.id());
            ps.setArray(2, connection.createArrayOf("text", hosts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) leased.add(rs.getString(1));
            }
        }
        return leased;
    }

    private static List<FrontierEntry> claimFromHeld(Connection connection, WorkerId me, int perHost, int max)
            throws SQLException {
        record Claimed(long id, FrontierEntry entry) {}
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(CLAIM)) {
            ps.setString(1, me.id());
            ps.setInt(2, perHost);
            ps.setString(3, me.id());
            ps.setInt(4, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) claimed.add(new Claimed(rs.getLong(1), new FrontierEntry(rs.getString(2), rs.getInt(3))));
            }
        }
        claimed.sort(Comparator.comparingLong(Claimed::id)); // RETURNING promises no order
        return claimed.stream().map(Claimed::entry).toList();
    }

    private static void update(Connection connection, String sql, String worker) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, worker);
            ps.executeUpdate();
        }
    }
}
