package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * The read side both stores share. Each call takes a connection of its own (a new SQLite connection, which must
 * not be shared between threads mid-statement; a pooled PostgreSQL one) and reads in one transaction, so it sees
 * one consistent snapshot without blocking the writer.
 */
final class StoreReads {
    /**
     * Rows are fetched this many at a time. pgjdbc uses a server-side cursor only with auto-commit off and a fetch
     * size set; without both it would load a whole export into memory. sqlite-jdbc steps its own cursor.
     */
    private static final int FETCH_SIZE = 512;

    private static final String EXPORT_SQL = "SELECT "
            + PageColumns.EXPORTED.stream().map(PageColumns.Field::sql).collect(Collectors.joining(", "))
            + " FROM pages p JOIN frontier f ON f.id = p.frontier_id"
            + " LEFT JOIN links l ON l.frontier_id = p.frontier_id";
    /** Digests shared by more than one page; the pages_digest index serves both the grouping and the lookups. */
    private static final String SHARED_DIGESTS = "SELECT digest FROM pages WHERE digest IS NOT NULL"
            + " GROUP BY digest HAVING COUNT(*) > 1";

    /** A URL's latest response: through frontier's unique url, then the page's key. */
    private static final String PREVIOUS_FETCH = "SELECT p.final_url, p.fetched_at, p.status, p.digest, p.etag,"
            + " p.last_modified FROM frontier f JOIN pages p ON p.frontier_id = f.id WHERE f.url = ? AND p.status IS NOT NULL";

    /** Hands out a connection for one read; the caller closes it. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection connect() throws SQLException;
    }

    /** At most this many extracted field names become CSV columns (rules files allow far fewer in practice). */
    static final int MAX_FIELD_NAMES = 1000;

    private final String target;
    private final ConnectionSource source;
    private final Function<Throwable, String> reasons;
    private final Dialect dialect;

    StoreReads(String target, ConnectionSource source, Function<Throwable, String> reasons, Dialect dialect) {
        this.target = target;
        this.source = source;
        this.reasons = reasons;
        this.dialect = dialect;
    }

    void loadFrontier(PageStore.FrontierVisitor visitor, long limit) {
        query("SELECT url, depth, state FROM frontier ORDER BY id LIMIT " + Math.max(0, limit),
                rs -> visitor.visit(rs.getString(1), rs.getInt(2), rs.getInt(3) == 1));
    }

    long countAttempted() {
        long[] count = {0};
        query("SELECT COUNT(*) FROM pages WHERE " + FrontierClaims.ATTEMPTED, rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    long countPending() {
        long[] count = {0};
        // one count per state, so that each is answered from its partial index, not a scan of the whole frontier
        query("SELECT (SELECT COUNT(*) FROM frontier WHERE state = " + FrontierClaims.PENDING + ") + (SELECT COUNT(*)"
                + " FROM frontier WHERE state = " + FrontierClaims.CLAIMED + ")", rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    PreviousFetch previousFetch(String url) {
        PreviousFetch[] found = {null};
        query(PREVIOUS_FETCH, url, rs -> found[0] = new PreviousFetch(rs.getString(1), Timestamps.parse(rs.getString(2)),
                rs.getInt(3), rs.getString(4), new Validators(rs.getString(5), rs.getString(6))));
        return found[0];
    }

    boolean recrawlPending() {
        boolean[] found = {false};
        // A page row means done, except for what a recrawl made pending again (RecrawlPages); the pending rows are
        // read through their partial index, each with one key lookup in pages, until the first such row.
        query("SELECT 1 FROM frontier f JOIN pages p ON p.frontier_id = f.id WHERE f.state = " + FrontierClaims.PENDING
                + " AND p.status IS NOT NULL LIMIT 1", rs -> found[0] = true);
        return found[0];
    }

    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        query(dialect.fieldNames(MAX_FIELD_NAMES + 1), rs -> {
            String name = rs.getString(1);
            if (!name.startsWith("_")) names.add(name); // _truncated says which were cut; not a field
        });
        return names.size() > MAX_FIELD_NAMES ? names.subList(0, MAX_FIELD_NAMES) : names;
    }

    void storedPages(long afterId, Consumer<PageReads.StoredPage> sink) {
        query("SELECT b.frontier_id, f.url, p.final_url, p.fetched_at, b.head, b.coding, b.body FROM bodies b"
                + " JOIN frontier f ON f.id = b.frontier_id JOIN pages p ON p.frontier_id = b.frontier_id"
                + " WHERE b.frontier_id > " + afterId + " ORDER BY b.frontier_id",
                rs -> sink.accept(new PageReads.StoredPage(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), new StoredBody(rs.getString(5), rs.getString(6), rs.getBytes(7)))));
    }

    String meta(String key) {
        String[] value = {null};
        query("SELECT value FROM meta WHERE key = '" + key.replace("'", "''") + "'", rs -> value[0] = rs.getString(1));
        return value[0];
    }

    void exportRows(PageReads.Selection selection, Consumer<ExportRow> sink) {
        String sql = switch (selection) {
            case ALL -> EXPORT_SQL + " ORDER BY p.frontier_id";
            case DUPLICATES -> EXPORT_SQL + " WHERE p.digest IN (" + SHARED_DIGESTS + ") ORDER BY p.digest, p.frontier_id";
        };
        query(sql, rs -> sink.accept(exportRow(rs)));
    }

    private static ExportRow exportRow(ResultSet rs) throws SQLException {
        List<Object> values = new ArrayList<>(PageColumns.EXPORTED.size());
        for (int i = 0; i < PageColumns.EXPORTED.size(); i++) {
            Object value = switch (PageColumns.EXPORTED.get(i).kind()) {
                case BOOLEAN -> rs.getInt(i + 1) != 0;
                case INTEGER -> {
                    int n = rs.getInt(i + 1);
                    yield rs.wasNull() ? null : n;
                }
                case TEXT, TIME, JSON_LINKS, JSON_FIELDS -> rs.getString(i + 1);
            };
            values.add(value);
        }
        return new ExportRow(values);
    }

    /** Runs sql and hands each row to handler; exceptions thrown by handler pass through unchanged. */
    private void query(String sql, RowHandler handler) {
        query(sql, null, handler);
    }

    /** As {@link #query(String, RowHandler)}, with one text parameter when it is not null. */
    private void query(String sql, String parameter, RowHandler handler) {
        try (Connection connection = source.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                if (parameter != null) ps.setString(1, parameter);
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(rs);
                    }
                }
            } finally {
                Cleanup.rollback(connection); // read only: nothing to keep; ends the snapshot before pooling
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read from " + target + ": " + reasons.apply(e), e);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }
}
