package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Slots of hosts on a frontier shared by several workers (PostgreSQL), held in {@code host_slots(host, slot,
 * worker)}: a worker sends a host at most as many requests at once as it holds slots of it, and claims only pending
 * URLs of hosts it holds slots of, so --per-host is the whole crawl's. The unit is one slot (a whole host with
 * --per-host 1, or for a demand that asks for whole hosts), so one site's --per-host slots may go to as many workers;
 * the gap between request starts to a host held by several is kept in the database ({@link HostPace}). A slot is
 * valid while its worker's heartbeat is ({@link Workers}): a dead worker's slots are free the moment it is dead.
 *
 * <p>Every worker computes the same fair shares from the same counts ({@link FairShare}: units of hosts with pending
 * URLs among the live workers, none above what its --concurrency can use). A worker above its share hands units over
 * ({@link HandOver}) when others are short of what is free; a worker below takes free units, leaving first those
 * that workers holding fewer than it need (idle workers are served first), on hosts it holds already, then on
 * untouched hosts with the longest queues, then on hosts others hold part of. Everything here runs in one
 * transaction on the writer's connection; nothing of it changes this worker's memory until it commits.
 */
final class HostSlots {
    private static final Dialect DIALECT = Dialect.POSTGRES;
    private static final String LIVE = Workers.liveIds(DIALECT);
    /** Queues are measured up to this many pending URLs: enough to tell a long one from one nearly empty. */
    private static final int QUEUE_PROBE = 256;
    /**
     * URLs a worker may hold claimed per slot of a host others hold slots of too: enough to keep a slot busy between
     * claims, few enough that a thin frontier (a small site, found a page at a time) is not all claimed by one of them.
     */
    private static final int PER_SHARED_SLOT = 16;

    /** This worker's slots of hosts without pending URLs and without URLs it claimed and has not stored yet. */
    private static final String GIVE_BACK = "DELETE FROM host_slots s WHERE s.worker = ?"
            + " AND NOT EXISTS (SELECT 1 FROM frontier f WHERE f.host = s.host AND f.state = " + FrontierClaims.PENDING + ")"
            + " AND NOT EXISTS (SELECT 1 FROM frontier f WHERE f.claimed_by = s.worker AND f.host = s.host AND f.state = "
            + FrontierClaims.CLAIMED + ")";

    /**
     * The hosts in work: distinct hosts with pending URLs, each with the live workers holding slots of it (one row per
     * slot, or one row with a null worker), then the other hosts live workers hold (their URLs are all claimed, and
     * some not yet stored: a host is given back once it has none). The recursive query walks frontier_pending_host one host at a time (a loose index scan),
     * one index probe per host passed, not one per pending row.
     */
    private static final String PENDING_HOSTS = "WITH RECURSIVE pending_hosts(host) AS ("
            + " (SELECT host FROM frontier WHERE state = 0 AND host IS NOT NULL ORDER BY host LIMIT 1)"
            + " UNION ALL SELECT (SELECT f.host FROM frontier f WHERE f.state = 0 AND f.host > p.host ORDER BY f.host LIMIT 1)"
            + " FROM pending_hosts p WHERE p.host IS NOT NULL),"
            + " scanned AS (SELECT host FROM pending_hosts WHERE host IS NOT NULL LIMIT ?)"
            + " SELECT p.host, s.worker, true FROM scanned p LEFT JOIN host_slots s ON s.host = p.host AND s.worker IN (" + LIVE + ")"
            + " UNION ALL SELECT s.host, s.worker, false FROM host_slots s WHERE s.worker IN (" + LIVE + ")"
            + " AND s.host NOT IN (SELECT host FROM scanned)";

    private static final String MY_SLOTS = "SELECT host, COUNT(*) FROM host_slots WHERE worker = ? GROUP BY host";

    private static final String QUEUE_LENGTHS = "SELECT h, (SELECT COUNT(*) FROM (SELECT 1 FROM frontier"
            + " WHERE host = h AND state = 0 LIMIT " + QUEUE_PROBE + ") q) FROM unnest(?::text[]) AS t(h)";

    /**
     * Takes up to n free slots of one host: numbers no live worker holds, lowest first. Two workers taking the same
     * number meet on the primary key; the second finds a live holder and gets nothing.
     */
    private static final String TAKE = "INSERT INTO host_slots (host, slot, worker) SELECT ?, s, ? FROM"
            + " generate_series(0, ? - 1) AS g(s) WHERE NOT EXISTS (SELECT 1 FROM host_slots x WHERE x.host = ?"
            + " AND x.slot = g.s AND x.worker IN (" + LIVE + ")) ORDER BY s LIMIT ?"
            + " ON CONFLICT (host, slot) DO UPDATE SET worker = excluded.worker"
            + " WHERE host_slots.worker NOT IN (" + LIVE + ") RETURNING slot";

    /** Up to n_i oldest pending URLs of each host_i, max in all. */
    private static final String CLAIM = "UPDATE frontier SET state = " + FrontierClaims.CLAIMED + ", claimed_by = ?"
            + " WHERE id IN (SELECT c.id FROM unnest(?::text[], ?::int[]) AS l(host, n) CROSS JOIN LATERAL (SELECT id"
            + " FROM frontier WHERE host = l.host AND state = " + FrontierClaims.PENDING + " ORDER BY id LIMIT l.n) c"
            + " LIMIT ?) AND state = " + FrontierClaims.PENDING + " RETURNING id, url, depth";

    /** The slots above the first {@code keep} this worker holds of a host. */
    private static final String DROP = "DELETE FROM host_slots WHERE host = ? AND worker = ? AND slot IN (SELECT slot"
            + " FROM host_slots WHERE host = ? AND worker = ? ORDER BY slot OFFSET ?)";

    private static final String UNCLAIM = "UPDATE frontier SET state = " + FrontierClaims.PENDING + ", claimed_by = NULL"
            + " WHERE url = ANY(?::text[]) AND state = " + FrontierClaims.CLAIMED + " AND claimed_by = ?";

    private HostSlots() {}

    /** How units of work are counted for a demand. */
    record Units(int perHost, int slotsEach, int cap) {
        static Units of(WorkerDemand demand) {
            return demand.splitHosts() ? new Units(demand.perHost(), 1, demand.concurrency())
                    : new Units(1, demand.perHost(), demand.wholeHosts());
        }
    }

    /** What one pass decided: hosts to hand over, and the counts it was decided from. */
    private record View(Units units, Map<String, Integer> live, Map<String, Map<String, Integer>> pending,
                        java.util.Set<String> withPending, boolean truncated, Map<String, Integer> mine,
                        Map<String, Integer> handingOver, String me) {

        /** Units a worker holds of the hosts in work; this worker's counting hand-overs in progress as done. */
        int heldOnPending(String worker) {
            int held = 0;
            for (var e : pending.entrySet()) {
                int n = e.getValue().getOrDefault(worker, 0);
                if (worker.equals(me)) n = effective(e.getKey(), n);
                held += n;
            }
            return held;
        }

        /** My units of a host, counting a hand-over in progress as done. */
        int effective(String host, int units) {
            Integer keep = handingOver.get(host);
            return keep == null ? units : Math.min(units, keep / this.units.slotsEach());
        }

        int taken(String host) {
            int taken = 0;
            for (int n : pending.get(host).values()) taken += n;
            return taken;
        }

        /** Units no live worker holds, of hosts with pending URLs. */
        long free() {
            long free = 0;
            for (String host : withPending) free += Math.max(0, units.perHost() - taken(host));
            return free;
        }

        /** Units this worker holds of hosts with pending URLs (those whose URLs it has all claimed left out). */
        int heldWithPending() {
            int held = 0;
            for (String host : withPending) held += effective(host, pending.get(host).getOrDefault(me, 0));
            return held;
        }

        Map<String, Integer> targets() {
            List<FairShare.Worker> workers = new ArrayList<>();
            live.forEach((id, cap) -> workers.add(new FairShare.Worker(id, cap, heldOnPending(id))));
            long all = truncated ? Long.MAX_VALUE : (long) pending.size() * units.perHost();
            return FairShare.targets(workers, all);
        }

        /** Units the others lack, counting only those holding fewer than {@code below} (all: Integer.MAX_VALUE). */
        long othersShort(Map<String, Integer> targets, int below) {
            long shortOf = 0;
            for (String id : live.keySet()) {
                if (id.equals(me)) continue;
                int held = heldOnPending(id);
                if (held < below) shortOf += Math.max(0, targets.getOrDefault(id, 0) - held);
            }
            return shortOf;
        }
    }

    private static View view(Connection c, WorkerId me, WorkerDemand demand, Map<String, Integer> handingOver)
            throws SQLException {
        Units units = Units.of(demand);
        Map<String, Integer> live = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, wants FROM workers WHERE heartbeat_at > "
                + Workers.cutoff(DIALECT))) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) live.put(rs.getString(1), Math.max(0, rs.getInt(2)));
            }
        }
        live.put(me.id(), units.cap()); // this worker's own demand, whatever its row says
        long capacity = 0;
        for (int cap : live.values()) capacity += cap;
        // Enough hosts to see whether every worker can be given all it can use; past that, shares are caps.
        long limit = Math.min(Integer.MAX_VALUE, capacity / units.perHost() + live.size() + 1);
        Map<String, Map<String, Integer>> pending = new LinkedHashMap<>();
        java.util.Set<String> withPending = new java.util.LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(PENDING_HOSTS)) {
            ps.setLong(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(3)) withPending.add(rs.getString(1));
                    Map<String, Integer> holders = pending.computeIfAbsent(rs.getString(1), h -> new HashMap<>());
                    String worker = rs.getString(2);
                    if (worker != null) holders.merge(worker, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> mine = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(MY_SLOTS)) {
            ps.setString(1, me.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) mine.put(rs.getString(1), rs.getInt(2));
            }
        }
        return new View(units, live, pending, withPending, withPending.size() >= limit, mine, handingOver, me.id());
    }

    /** Upkeep: a claim of no URLs, which still gives back, takes and hands over slots. */
    static Claim rebalance(Connection c, WorkerId me, WorkerDemand demand, Map<String, Integer> handingOver)
            throws SQLException {
        return claim(c, me, demand, handingOver, 0, false);
    }

    /**
     * The hosts this worker should hand over now: at most its units above its share, and only as many as the others
     * lack beyond what is free.
     */
    private static List<HandOver> shed(Connection c, View v) throws SQLException {
        Map<String, Integer> targets = v.targets();
        int held = v.heldOnPending(v.me());
        int target = targets.getOrDefault(v.me(), 0);
        if (held <= target) return List.of();
        long excess = Math.min(held - target, v.othersShort(targets, Integer.MAX_VALUE) - v.free());
        if (excess <= 0) return List.of();
        // my units per pending host, as they will be once hand-overs in progress are done
        Map<String, Integer> units = new TreeMap<>();
        for (String host : v.pending().keySet()) {
            int n = v.effective(host, v.mine().getOrDefault(host, 0));
            if (n > 0) units.put(host, n);
        }
        List<HandOver> handOvers = new ArrayList<>();
        if (v.units().perHost() == 1) {
            // whole hosts: the longest queues go, so the worker that takes one has work for a while
            Map<String, Integer> lengths = queueLengths(c, new ArrayList<>(units.keySet()));
            List<String> hosts = new ArrayList<>(units.keySet());
            hosts.sort(Comparator.comparing((String h) -> lengths.getOrDefault(h, 0)).reversed());
            for (int i = 0; i < excess && i < hosts.size(); i++) handOvers.add(new HandOver(hosts.get(i), 0));
            return handOvers;
        }
        // slots: first whole hosts (all this worker holds of one), most slots first, while one fits in what is left to
        // hand over, so that few hosts end up split (a split host with a gap costs a reservation per request); then one
        // at a time from the host this worker holds most of, so that its hosts stay as whole as possible
        Map<String, Integer> after = new TreeMap<>(units);
        List<String> mostFirst = new ArrayList<>(units.keySet());
        mostFirst.sort(Comparator.comparing(units::get).reversed());
        long left = excess;
        for (String host : mostFirst) {
            if (units.get(host) <= left) {
                left -= units.get(host);
                after.put(host, 0);
            }
        }
        for (long i = 0; i < left; i++) {
            String most = null;
            for (var e : after.entrySet()) if (most == null || e.getValue() > after.get(most)) most = e.getKey();
            if (most == null || after.get(most) == 0) break;
            after.merge(most, -1, Integer::sum);
        }
        after.forEach((host, n) -> {
            if (n < units.get(host)) handOvers.add(new HandOver(host, n * v.units().slotsEach()));
        });
        return handOvers;
    }

    /**
     * One claim: gives back drained hosts, hands over what is above this worker's share or takes free units up to
     * it, then claims up to max URLs of the hosts held, in proportion to the slots held of each.
     */
    static Claim claim(Connection c, WorkerId me, WorkerDemand demand, Map<String, Integer> handingOver, int max)
            throws SQLException {
        return claim(c, me, demand, handingOver, max, true);
    }

    private static Claim claim(Connection c, WorkerId me, WorkerDemand demand, Map<String, Integer> handingOver,
                               int max, boolean counted) throws SQLException {
        update(c, GIVE_BACK, me.id());
        View v = view(c, me, demand, handingOver);
        List<HandOver> shed = shed(c, v);
        Map<String, Integer> mine = new TreeMap<>(v.mine());
        List<String> leased = new ArrayList<>();
        Map<String, TakeOver> takeOvers = Map.of();
        if (shed.isEmpty()) {
            Map<String, Integer> taken = take(c, v, me);
            for (var t : taken.entrySet()) {
                if (mine.getOrDefault(t.getKey(), 0) == 0) leased.add(t.getKey());
                mine.merge(t.getKey(), t.getValue(), Integer::sum);
            }
            // whoever held these slots kept the host's pace in its own memory: start it again from here, for everyone
            takeOvers = HostPace.takeOver(c, new java.util.TreeSet<>(taken.keySet()), demand.delay());
        }
        Map<String, Integer> going = new HashMap<>(handingOver);
        for (HandOver h : shed) going.put(h.host(), h.keep());
        Map<String, Integer> slots = new TreeMap<>();
        mine.forEach((host, units) -> {
            int n = units * v.units().slotsEach();
            slots.put(host, going.containsKey(host) ? Math.min(n, going.get(host)) : n);
        });
        List<FrontierEntry> claimed = max <= 0 ? List.of() : claimFrom(c, me, slots, demand.perHost(), max);
        if (counted) addTotals(c, me, claimed.size(), leased.size());
        return new Claim(claimed, leased, slots, shed, takeOvers);
    }

    /** Free units up to this worker's share, as many as the workers holding fewer than it leave; host → units got. */
    private static Map<String, Integer> take(Connection c, View v, WorkerId me) throws SQLException {
        Map<String, Integer> targets = v.targets();
        int held = v.heldOnPending(me.id());
        long room = targets.getOrDefault(me.id(), 0) - held;
        long spare = v.free() - v.othersShort(targets, Integer.MAX_VALUE);
        if (spare > 0) {
            // free units nobody else is short of: hosts whose URLs this worker has all claimed do not count, so it
            // keeps busy while they drain, holding at most twice what it can use in all
            room = Math.max(room, v.units().cap() - v.heldWithPending());
        }
        room = Math.min(room, v.free() - v.othersShort(targets, held));
        room = Math.min(room, 2L * v.units().cap() - v.mine().values().stream().mapToInt(Integer::intValue).sum());
        if (room <= 0) return Map.of();
        int perHost = v.units().perHost();
        List<String> partOfMine = new ArrayList<>();
        List<String> untouched = new ArrayList<>();
        List<String> partOfOthers = new ArrayList<>();
        for (String host : v.withPending()) {
            if (v.handingOver().containsKey(host) || v.taken(host) >= perHost) continue;
            if (v.mine().getOrDefault(host, 0) > 0) partOfMine.add(host);
            else if (v.taken(host) == 0) untouched.add(host);
            else partOfOthers.add(host);
        }
        // Of the untouched hosts, a few times as many as needed are measured, from a random place in host order (so
        // that workers do not all start at the smallest host name), and the longest queues are taken.
        int needHosts = (int) Math.min(untouched.size(), (room + perHost - 1) / perHost);
        if (!untouched.isEmpty()) Collections.rotate(untouched, -ThreadLocalRandom.current().nextInt(untouched.size()));
        List<String> probed = new ArrayList<>(untouched.subList(0, Math.min(untouched.size(), 4 * needHosts)));
        Map<String, Integer> lengths = queueLengths(c, probed);
        probed.sort(Comparator.comparing((String h) -> lengths.getOrDefault(h, 0)).reversed());
        partOfOthers.sort(Comparator.comparingInt(v::taken));
        List<String> order = new ArrayList<>(partOfMine);
        order.addAll(probed);
        order.addAll(partOfOthers);
        Map<String, Integer> wanted = new TreeMap<>(); // sorted: two workers taking at once lock slots in one order
        for (String host : order) {
            if (room <= 0) break;
            int n = (int) Math.min(room, perHost - v.taken(host));
            wanted.put(host, n);
            room -= n;
        }
        Map<String, Integer> got = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TAKE)) {
            for (var w : wanted.entrySet()) {
                ps.setString(1, w.getKey());
                ps.setString(2, me.id());
                ps.setInt(3, perHost);
                ps.setString(4, w.getKey());
                ps.setInt(5, w.getValue());
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) n++;
                }
                if (n > 0) got.put(w.getKey(), n);
            }
        }
        return got;
    }

    private static Map<String, Integer> queueLengths(Connection c, List<String> hosts) throws SQLException {
        Map<String, Integer> lengths = new HashMap<>();
        if (hosts.isEmpty()) return lengths;
        try (PreparedStatement ps = c.prepareStatement(QUEUE_LENGTHS)) {
            ps.setArray(1, c.createArrayOf("text", hosts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) lengths.put(rs.getString(1), rs.getInt(2));
            }
        }
        return lengths;
    }

    /**
     * Claims up to max URLs of the hosts with slots, ceil(max × slots / all slots) of each at most, oldest first; of a
     * host held in part (others may hold its other slots), no more than {@link #PER_SHARED_SLOT} per slot held,
     * counting those claimed and not stored yet, so that the other holders find its URLs pending.
     */
    private static List<FrontierEntry> claimFrom(Connection c, WorkerId me, Map<String, Integer> slots, int perHost,
                                                 int max) throws SQLException {
        long all = 0;
        for (int n : slots.values()) all += n;
        if (all == 0) return List.of();
        List<String> shared = new ArrayList<>();
        for (var e : slots.entrySet()) if (e.getValue() > 0 && e.getValue() < perHost) shared.add(e.getKey());
        Map<String, Integer> claimedHere = claimedHere(c, me, shared);
        List<String> hosts = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        for (var e : slots.entrySet()) {
            if (e.getValue() == 0) continue;
            long limit = Math.min(max, (max * (long) e.getValue() + all - 1) / all);
            if (e.getValue() < perHost) {
                limit = Math.min(limit, (long) PER_SHARED_SLOT * e.getValue() - claimedHere.getOrDefault(e.getKey(), 0));
            }
            if (limit <= 0) continue;
            hosts.add(e.getKey());
            limits.add((int) limit);
        }
        if (hosts.isEmpty()) return List.of();
        record Claimed(long id, FrontierEntry entry) {}
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, me.id());
            ps.setArray(2, c.createArrayOf("text", hosts.toArray()));
            ps.setArray(3, c.createArrayOf("integer", limits.toArray()));
            ps.setInt(4, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) claimed.add(new Claimed(rs.getLong(1), new FrontierEntry(rs.getString(2), rs.getInt(3))));
            }
        }
        claimed.sort(Comparator.comparingLong(Claimed::id)); // RETURNING promises no order
        return claimed.stream().map(Claimed::entry).toList();
    }

    /** URLs of these hosts this worker has claimed and not stored yet (through frontier_claimed). */
    private static Map<String, Integer> claimedHere(Connection c, WorkerId me, List<String> hosts) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        if (hosts.isEmpty()) return counts;
        try (PreparedStatement ps = c.prepareStatement("SELECT host, COUNT(*) FROM frontier WHERE claimed_by = ? AND state = "
                + FrontierClaims.CLAIMED + " AND host = ANY(?::text[]) GROUP BY host")) {
            ps.setString(1, me.id());
            ps.setArray(2, c.createArrayOf("text", hosts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    /**
     * A hand-over at its clean point: the URLs of the host this worker claimed and never started go back to pending,
     * and its slots of the host above {@code keep} go.
     */
    static void handOver(Connection c, WorkerId me, WorkerDemand demand, HandOver handOver, List<String> unstarted)
            throws SQLException {
        if (!unstarted.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(UNCLAIM)) {
                ps.setArray(1, c.createArrayOf("text", unstarted.toArray()));
                ps.setString(2, me.id());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(DROP)) {
            ps.setString(1, handOver.host());
            ps.setString(2, me.id());
            ps.setString(3, handOver.host());
            ps.setString(4, me.id());
            ps.setInt(5, handOver.keep() / Units.of(demand).slotsEach());
            ps.executeUpdate();
        }
        countCheck(c, me);
    }

    /** Keeps the worker's running totals (for people, `trawl status` and bench/workers.sh), in the same transaction. */
    private static void addTotals(Connection c, WorkerId me, int claimed, int leased) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE workers SET claims = claims + 1,"
                + " claimed = claimed + ?, hosts_leased = hosts_leased + ? WHERE id = ?")) {
            ps.setInt(1, claimed);
            ps.setInt(2, leased);
            ps.setString(3, me.id());
            ps.executeUpdate();
        }
    }

    /** Counts an upkeep or hand-over transaction, for bench/workers.sh. */
    static void countCheck(Connection c, WorkerId me) throws SQLException {
        update(c, "UPDATE workers SET checks = checks + 1 WHERE id = ?", me.id());
    }

    private static void update(Connection c, String sql, String worker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, worker);
            ps.executeUpdate();
        }
    }
}
