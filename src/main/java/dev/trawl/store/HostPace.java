package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The gap between request starts to one host, kept for the whole crawl when several workers hold slots of it
 * (PostgreSQL, {@code host_pace}): {@code next_at} is the earliest the next request may start anywhere, on the
 * database's clock, so workers whose clocks disagree still agree. A worker holding only some slots of a host with a
 * gap reserves each start there with one upsert ({@link #reserve}); a worker holding all of them paces its requests
 * itself, and a worker that takes slots of a host pushes {@code next_at} to a gap from then and waits for it
 * ({@link #takeOver}), because the worker that had them kept its pace in its own memory. Hosts without a gap never get
 * a row: undelayed hosts pay nothing. The gap only grows: a robots.txt Crawl-delay one worker learns is everyone's.
 */
final class HostPace {
    private static final String NOW = Dialect.POSTGRES.nowMillis();

    /**
     * One start, reserved atomically: the last one reserved (next_at - gap_ms) plus the larger gap, or now if that has
     * passed; next_at moves a gap past it, plus the margin asked for (carried into the next start once, never into
     * gap_ms). The margin travels as next_at - reserved_at - gap_ms of the row offered. Returns the start less the
     * database's now, from one reading of its clock.
     */
    private static final String RESERVE = "INSERT INTO host_pace AS p (host, next_at, gap_ms, reserved_at)"
            + " SELECT ?, t.now + ? + ?, ?, t.now FROM (SELECT " + NOW + " AS now) t ON CONFLICT (host) DO UPDATE SET"
            + " next_at = GREATEST(p.next_at - p.gap_ms + GREATEST(p.gap_ms, excluded.gap_ms), excluded.reserved_at)"
            + " + GREATEST(p.gap_ms, excluded.gap_ms) + (excluded.next_at - excluded.reserved_at - excluded.gap_ms),"
            + " gap_ms = GREATEST(p.gap_ms, excluded.gap_ms), reserved_at = excluded.reserved_at"
            + " RETURNING next_at - gap_ms - reserved_at - ?";

    /** A take-over: next_at at least a gap from now; returns each host's wait and gap. */
    private static final String TAKE_OVER = "INSERT INTO host_pace AS p (host, next_at, gap_ms, reserved_at)"
            + " SELECT h, t.now + ?, ?, t.now FROM unnest(?::text[]) AS h, (SELECT " + NOW + " AS now) t"
            + " ON CONFLICT (host) DO UPDATE SET next_at = GREATEST(p.next_at - p.gap_ms + GREATEST(p.gap_ms,"
            + " excluded.gap_ms), excluded.reserved_at + GREATEST(p.gap_ms, excluded.gap_ms)),"
            + " gap_ms = GREATEST(p.gap_ms, excluded.gap_ms), reserved_at = excluded.reserved_at"
            + " RETURNING host, next_at - reserved_at, gap_ms";

    /** The same for a crawl without --delay: only hosts that have a row (a Crawl-delay learned) are pushed. */
    private static final String TAKE_OVER_PACED = "UPDATE host_pace p SET next_at = GREATEST(p.next_at,"
            + " t.now + p.gap_ms), reserved_at = t.now FROM (SELECT " + NOW + " AS now) t WHERE p.host = ANY(?::text[])"
            + " RETURNING p.host, p.next_at - t.now, p.gap_ms";

    private HostPace() {}

    /**
     * Reserves the next request start to host for the whole crawl, at least {@code gap} (or the larger gap another
     * worker asked for) after the last one reserved, and pushes the one after out by {@code margin} more; returns how
     * long from now until it. One autocommit statement.
     */
    static Duration reserve(Connection c, String host, Duration gap, Duration margin) throws SQLException {
        long marginMillis = (margin.toNanos() + 999_999) / 1_000_000;
        try (PreparedStatement ps = c.prepareStatement(RESERVE)) {
            ps.setString(1, host);
            ps.setLong(2, gap.toMillis());
            ps.setLong(3, marginMillis);
            ps.setLong(4, gap.toMillis());
            ps.setLong(5, marginMillis);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Duration.ofMillis(Math.max(0, rs.getLong(1)));
            }
        }
    }

    /**
     * Hosts this worker has just taken slots of: the next start to each is at least {@code gap} (or the host's larger
     * gap) from now, for everyone. With gap 0 only hosts that have a row are touched (and only they are returned).
     */
    static Map<String, TakeOver> takeOver(Connection c, Collection<String> hosts, Duration gap) throws SQLException {
        Map<String, TakeOver> turns = new HashMap<>();
        if (hosts.isEmpty()) return turns;
        boolean delayed = gap.toMillis() > 0;
        try (PreparedStatement ps = c.prepareStatement(delayed ? TAKE_OVER : TAKE_OVER_PACED)) {
            int i = 1;
            if (delayed) {
                ps.setLong(i++, gap.toMillis());
                ps.setLong(i++, gap.toMillis());
            }
            ps.setArray(i, c.createArrayOf("text", hosts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    turns.put(rs.getString(1), new TakeOver(Duration.ofMillis(Math.max(0, rs.getLong(2))),
                            Duration.ofMillis(rs.getLong(3))));
                }
            }
        }
        return turns;
    }
}
