package dev.trawl.serve;

import dev.trawl.store.FailedPages;
import dev.trawl.store.ReadOnlyDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every query the web app runs, read-only, in SQL that SQLite and PostgreSQL both speak (row values, COALESCE,
 * substr, LIKE ... ESCAPE, LIMIT). Each method is one snapshot of the database. Results are bounded: no method
 * returns more rows than its limit, whatever the database holds.
 */
final class ReportQueries {
    static final int MAX_OUTLINKS = 1000;
    static final int MAX_INLINKS = 50;
    static final int MAX_ERROR_GROUPS = 500;
    static final int MAX_ERROR_URLS = 100;
    static final Set<String> STATUS_FILTERS = Set.of("2xx", "3xx", "4xx", "5xx", "none", "failed");
    /** Rows whose links are read to find inlinks: the LIKE prefilter can match a URL that is only a prefix of a link. */
    private static final int INLINK_CANDIDATES = 500;
    private static final String JOIN = " FROM pages p JOIN frontier f ON f.id = p.frontier_id";
    private static final String REASON = "COALESCE(p.error, 'http_' || CAST(p.status AS TEXT))";
    private static final String FAILED = "(p.error IS NOT NULL OR p.status >= 400)";

    private final ReadOnlyDatabase db;

    ReportQueries(ReadOnlyDatabase db) {
        this.db = db;
    }

    String display() {
        return db.display();
    }

    // --- overview --------------------------------------------------------------------------------------

    Overview overview() {
        return db.read(c -> {
            var totals = OverviewQueries.totals(c);
            return new Overview(totals.pages(), totals.bytes(), pending(c), totals.first(), totals.last(),
                    totals.classes(), OverviewQueries.timeline(c, totals.first(), totals.last()), OverviewQueries.latency(c),
                    counts(c, "SELECT CAST(f.depth AS TEXT), COUNT(*)" + JOIN + " GROUP BY f.depth ORDER BY f.depth LIMIT 100"),
                    OverviewQueries.mediaTypes(c),
                    counts(c, "SELECT COALESCE(f.host, '(unknown)'), COUNT(*)" + JOIN + " GROUP BY f.host ORDER BY 2 DESC, 1 LIMIT 10"),
                    errorGroups(c, 10));
        });
    }

    private static long pending(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT COUNT(*) FROM frontier WHERE state <> 1"); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<Overview.Count> counts(Connection c, String sql) throws SQLException {
        List<Overview.Count> counts = new ArrayList<>();
        try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            while (rs.next()) counts.add(new Overview.Count(rs.getString(1), rs.getLong(2)));
        }
        return counts;
    }

    // --- errors ----------------------------------------------------------------------------------------

    /** Failed pages (an error, or a 4xx/5xx) grouped by reason and host, the largest groups first. */
    List<Overview.ErrorGroup> errorGroups() {
        return db.read(c -> errorGroups(c, MAX_ERROR_GROUPS));
    }

    private static List<Overview.ErrorGroup> errorGroups(Connection c, int limit) throws SQLException {
        String sql = "SELECT " + REASON + ", COALESCE(f.host, '(unknown)'), COUNT(*), SUM(CASE WHEN " + FailedPages.RETRYABLE
                + " THEN 1 ELSE 0 END)" + JOIN + " WHERE " + FAILED + " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT " + limit;
        List<Overview.ErrorGroup> groups = new ArrayList<>();
        try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            while (rs.next()) groups.add(new Overview.ErrorGroup(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }
        return groups;
    }

    /** Up to {@link #MAX_ERROR_URLS} failed pages of one reason and host, in crawl order. */
    List<PageList.Row> failedPages(String reason, String host) {
        String sql = "SELECT p.frontier_id, f.url, p.status, p.title, f.depth, p.error, p.fetched_at" + JOIN + " WHERE "
                + FAILED + " AND " + REASON + " = ? AND COALESCE(f.host, '(unknown)') = ? ORDER BY p.frontier_id LIMIT "
                + MAX_ERROR_URLS;
        return db.read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, reason);
                ps.setString(2, host);
                return rows(ps, false);
            }
        });
    }

    /** The seeds of the crawl (depth 0), at most ten, for the command that re-queues failures. */
    List<String> seeds() {
        return db.read(c -> {
            List<String> seeds = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT url FROM frontier WHERE depth = 0 ORDER BY id LIMIT 10"); var rs = ps.executeQuery()) {
                while (rs.next()) seeds.add(rs.getString(1));
            }
            return seeds;
        });
    }

    // --- pages table -----------------------------------------------------------------------------------

    /** Number of attempted URLs. */
    long countPages() {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM pages"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * One screenful of the table by keyset pagination: the rows after (or before) a cursor in the sort's order,
     * found through the sort's index without counting or skipping the rows before them.
     */
    PageList.Slice pages(PageList.Query q) {
        PageList.Sort sort = q.sort();
        boolean backwards = q.before() != null;
        boolean descending = q.descending() != backwards; // going back reads the same order reversed
        String dir = descending ? " DESC" : " ASC";
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.search() != null) {
            String like = "%" + escapeLike(q.search().toLowerCase(Locale.ROOT)) + "%";
            where.add("(LOWER(f.url) LIKE ? ESCAPE '!' OR LOWER(COALESCE(p.title, '')) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
        }
        if (q.statusFilter() != null) where.add(statusCondition(q.statusFilter()));
        PageList.Cursor cursor = backwards ? q.before() : q.after();
        String select = "SELECT p.frontier_id, f.url, p.status, p.title, f.depth, p.error, p.fetched_at, " + sort.key + JOIN;
        String order = " ORDER BY " + sort.key + dir + (sort.tieBreaker == null ? "" : ", " + sort.tieBreaker + dir);
        String limit = " LIMIT " + (q.limit() + 1);
        String sql;
        if (cursor == null) {
            sql = select + where(where, null) + order + limit;
        } else {
            String op = descending ? " < " : " > ";
            Object key = sort.kind == PageList.Sort.Kind.NUMBER ? (Object) Long.parseLong(cursor.key()) : cursor.key();
            if (sort.tieBreaker == null) {
                sql = select + where(where, sort.key + op + "?") + order + limit;
                args.add(sort == PageList.Sort.ID ? (Object) cursor.id() : key);
            } else {
                // (key, id) > (?, ?) as two index seeks, the rest of the cursor's key and the keys after it: SQLite
                // seeks a row-value range on its first column only, and would scan every row of a popular key.
                List<Object> filters = List.copyOf(args);
                sql = "SELECT * FROM (" + select + where(where, sort.key + " = ? AND " + sort.tieBreaker + op + "?") + order + limit
                        + ") AS same_key UNION ALL SELECT * FROM (" + select + where(where, sort.key + op + "?") + order + limit
                        + ") AS later_keys ORDER BY 8" + dir + ", 1" + dir + limit;
                args.add(key);
                args.add(cursor.id());
                args.addAll(filters);
                args.add(key);
            }
        }
        List<PageList.Row> rows = db.read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                return rows(ps, true);
            }
        });
        boolean more = rows.size() > q.limit();
        if (more) rows = new ArrayList<>(rows.subList(0, q.limit()));
        if (backwards) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
            return new PageList.Slice(rows, more, true);
        }
        return new PageList.Slice(rows, q.after() != null, more);
    }

    private static String where(List<String> conditions, String extra) {
        List<String> all = new ArrayList<>(conditions);
        if (extra != null) all.add(extra);
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }

    private static String statusCondition(String filter) {
        return switch (filter) {
            case "none" -> "p.status IS NULL";
            case "failed" -> FailedPages.RETRYABLE;
            default -> {
                int low = (filter.charAt(0) - '0') * 100;
                yield "(p.status >= " + low + " AND p.status < " + (low + 100) + ")";
            }
        };
    }

    /** LIKE's wildcards and the escape character itself taken literally (URLs are full of '%' and '_'). */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static List<PageList.Row> rows(PreparedStatement ps, boolean withKey) throws SQLException {
        List<PageList.Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int status = rs.getInt(3);
                Integer boxed = rs.wasNull() ? null : status;
                rows.add(new PageList.Row(rs.getLong(1), rs.getString(2), boxed, rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), withKey ? rs.getString(8) : null));
            }
        }
        return rows;
    }

    // --- one page --------------------------------------------------------------------------------------

    /** The page with this frontier id, or null when there is none. */
    PageDetail detail(long id) {
        return db.read(c -> {
            Map<String, String> frontier = row(c, "SELECT * FROM frontier WHERE id = ?", id);
            if (frontier == null) return null;
            String url = frontier.get("url");
            Map<String, String> page = row(c, "SELECT * FROM pages WHERE frontier_id = ?", id);
            String targets = null;
            try (var ps = c.prepareStatement("SELECT targets FROM links WHERE frontier_id = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) targets = rs.getString(1);
                }
            }
            List<String> all = targets == null ? List.of() : LinkTargets.parse(targets);
            List<String> shown = all.subList(0, Math.min(all.size(), MAX_OUTLINKS));
            return new PageDetail(id, url, frontier, page, withIds(c, shown), all.size(), inlinks(c, url));
        });
    }

    /** The frontier id of a URL, or null. */
    Long idOf(String url) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT id FROM frontier WHERE url = ?")) {
                ps.setString(1, url);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        });
    }

    private static Map<String, String> row(Connection c, String sql, long id) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, String> columns = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) columns.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), rs.getString(i));
                return columns;
            }
        }
    }

    /** Looks the URLs up in the frontier, a few hundred at a time. */
    private static List<PageDetail.Link> withIds(Connection c, List<String> urls) throws SQLException {
        Map<String, Long> ids = new java.util.HashMap<>();
        for (int from = 0; from < urls.size(); from += 200) {
            List<String> chunk = urls.subList(from, Math.min(urls.size(), from + 200));
            String sql = "SELECT url, id FROM frontier WHERE url IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return urls.stream().map(u -> new PageDetail.Link(ids.get(u), u)).toList();
    }

    /**
     * Pages whose links include url: the links rows are searched for the URL as a JSON string (a scan of the links
     * table, stopped after {@link #INLINK_CANDIDATES} candidates), then each candidate's list is checked exactly.
     */
    private static List<PageDetail.Link> inlinks(Connection c, String url) throws SQLException {
        String needle = LinkTargets.quoted(url);
        List<PageDetail.Link> found = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT f.id, f.url, l.targets FROM links l JOIN frontier f ON f.id = l.frontier_id"
                + " WHERE l.targets LIKE ? ESCAPE '!' ORDER BY l.frontier_id LIMIT " + INLINK_CANDIDATES)) {
            ps.setString(1, "%" + escapeLike(needle) + "%");
            try (var rs = ps.executeQuery()) {
                while (rs.next() && found.size() < MAX_INLINKS) {
                    if (LinkTargets.parse(rs.getString(3)).contains(url)) found.add(new PageDetail.Link(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return found;
    }
}
