package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * One JDBC batch per table and one {@code INSERT ... RETURNING} per page: cheap on SQLite, where a statement is a
 * function call. Plain SQL, so PostgreSQL runs it too, but there each page costs a network round trip; see
 * {@link PostgresBatch}.
 */
final class BatchStatements implements BatchCommitter {
    /** The bodies table's columns besides frontier_id. */
    static final List<String> BODY_COLUMNS = List.of("head", "coding", "body");

    /** The stored columns' names, in {@link PageColumns#STORED} order. */
    static final List<String> PAGE_COLUMNS = PageColumns.STORED.stream().map(PageColumns.Column::name).toList();

    private final Dialect dialect;
    private final Statement control;
    /** Marks a URL done whatever its state; RETURNING gives the id in the same round trip (SQLite 3.35+). */
    private final PreparedStatement markDone;
    /**
     * Never touches a known row, so a late "discovered" entry cannot reset a URL that is already done. No conflict
     * target: a URL is known when its url or its de-duplication key is.
     */
    private final PreparedStatement addPending;
    /** Redirect hops already requested: a pending row of the same key is done, so it is not fetched again. */
    private final PreparedStatement markRequested;
    private final PreparedStatement upsertPage;
    private final PreparedStatement upsertLinks;
    private final PreparedStatement upsertBody;
    private final SitemapRows sitemaps;
    private final List<SitemapRecord> sitemapBatch = new java.util.ArrayList<>();
    /** A 304 on a recrawl: the stored row keeps its response, only the fetch facts change. */
    private final PreparedStatement refreshPage;
    /** The fetch history: a row per stored outcome. */
    private final PreparedStatement appendFetch;

    BatchStatements(Connection connection, Dialect dialect) throws SQLException {
        this.dialect = dialect;
        control = connection.createStatement();
        markDone = connection.prepareStatement("INSERT INTO frontier (url, depth, state, discovered_at, host)"
                + " VALUES (?, ?, 1, ?, ?) ON CONFLICT (url) DO UPDATE SET state = 1, claimed_by = NULL RETURNING id");
        addPending = connection.prepareStatement("INSERT INTO frontier (url, depth, state, discovered_at, host, url_key)"
                + " VALUES (?, ?, 0, ?, ?, ?) ON CONFLICT DO NOTHING");
        markRequested = connection.prepareStatement("UPDATE frontier SET state = 1 WHERE url_key = ? AND state = 0");
        upsertPage = connection.prepareStatement(upsert("pages", PAGE_COLUMNS));
        upsertLinks = connection.prepareStatement(upsert("links", List.of("targets")));
        upsertBody = connection.prepareStatement(upsert("bodies", BODY_COLUMNS));
        sitemaps = new SitemapRows(connection);
        refreshPage = connection.prepareStatement(insert("pages", PAGE_COLUMNS) + " " + refreshOnConflict());
        appendFetch = connection.prepareStatement(insert("fetches", HISTORY_COLUMNS));
    }

    /** The history's columns' names, in {@link PageColumns#HISTORY} order. */
    static final List<String> HISTORY_COLUMNS = PageColumns.HISTORY.stream().map(PageColumns.Column::name).toList();

    private static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (frontier_id, " + String.join(", ", columns) + ") VALUES (?"
                + ", ?".repeat(columns.size()) + ")";
    }

    /** The ON CONFLICT clause of a 304: only {@link PageColumns#REFRESHED_WHEN_NOT_MODIFIED} take the new values. */
    static String refreshOnConflict() {
        return replaceOnConflict(PageColumns.REFRESHED_WHEN_NOT_MODIFIED);
    }

    /** {@code INSERT ... ON CONFLICT DO UPDATE}: what INSERT OR REPLACE does, in SQL PostgreSQL also speaks. */
    private static String upsert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (frontier_id, " + String.join(", ", columns) + ") VALUES (?"
                + ", ?".repeat(columns.size()) + ") " + replaceOnConflict(columns);
    }

    /** The ON CONFLICT clause that makes an insert into pages or links replace the row of the same page. */
    static String replaceOnConflict(List<String> columns) {
        StringBuilder sql = new StringBuilder("ON CONFLICT (frontier_id) DO UPDATE SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i)).append(" = excluded.").append(columns.get(i));
        }
        return sql.toString();
    }

    @Override
    public void commit(List<WriteTask> tasks, Instant now) throws SQLException {
        control.execute(dialect.beginWrite());
        try {
            for (WriteTask task : tasks) {
                stage(task, now);
            }
            upsertPage.executeBatch();
            upsertLinks.executeBatch();
            upsertBody.executeBatch();
            refreshPage.executeBatch();
            appendFetch.executeBatch();
            // Last, so that pages marked done earlier in this same batch are already known and left alone.
            addPending.executeBatch();
            markRequested.executeBatch();
            sitemaps.write(sitemapBatch, now); // after the frontier rows of what they listed
            control.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            clearBatches();
            Cleanup.rollback(control);
            throw e;
        } finally {
            sitemapBatch.clear();
        }
    }

    @Override
    public <T> T exclusive(WriteTask.SqlWork<T> work) throws SQLException {
        control.execute(dialect.beginWrite());
        try {
            T result = work.run(control.getConnection());
            control.execute("COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            Cleanup.rollback(control);
            throw e;
        }
    }

    private void stage(WriteTask task, Instant now) throws SQLException {
        switch (task) {
            case WriteTask.Page page -> stagePage(page, now);
            case WriteTask.Pending pending -> stagePending(pending.entries(), pending.discoveredAt());
            case WriteTask.Sitemap sitemap -> {
                stagePending(sitemap.record().frontier(), now);
                sitemapBatch.add(sitemap.record());
            }
            case WriteTask.Barrier ignored -> throw new IllegalArgumentException("a barrier is not data");
            case WriteTask.Exclusive<?> ignored -> throw new IllegalArgumentException("exclusive work is not data");
            case WriteTask.Stop ignored -> throw new IllegalArgumentException("stop is not data");
        }
    }

    private void stagePage(WriteTask.Page page, Instant now) throws SQLException {
        PageRecord r = page.record();
        Instant at = r.fetchedAt() == null ? now : r.fetchedAt();
        long id = markDone(r.url(), r.depth(), at);
        if (r.outcome() instanceof PageOutcome.NotModified) {
            bindRow(refreshPage, id, PageColumns.STORED, r); // its links row stays as it is
        } else {
            bindRow(upsertPage, id, PageColumns.STORED, r);
            upsertLinks.setLong(1, id);
            upsertLinks.setString(2, page.outlinksJson());
            upsertLinks.addBatch();
        }
        if (r.outcome() instanceof PageOutcome.Fetched f && f.body() != null) {
            upsertBody.setLong(1, id);
            upsertBody.setString(2, f.body().head());
            upsertBody.setString(3, f.body().coding());
            upsertBody.setBytes(4, f.body().bytes());
            upsertBody.addBatch();
        }
        bindRow(appendFetch, id, PageColumns.HISTORY, r);
        stagePending(r.discovered(), at);
    }

    private static void bindRow(PreparedStatement ps, long id, List<PageColumns.Column> columns, PageRecord r)
            throws SQLException {
        ps.setLong(1, id);
        int index = 2;
        for (PageColumns.Column column : columns) {
            bind(ps, index++, column.type(), column.value().apply(r));
        }
        ps.addBatch();
    }

    private long markDone(String url, int depth, Instant at) throws SQLException {
        markDone.setString(1, url);
        markDone.setInt(2, depth);
        markDone.setString(3, Timestamps.format(at));
        markDone.setString(4, FrontierEntry.hostOf(url));
        try (ResultSet rs = markDone.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("upsert of " + url + " returned no id");
            }
            return rs.getLong(1);
        }
    }

    private void stagePending(List<FrontierEntry> entries, Instant at) throws SQLException {
        String when = Timestamps.format(at);
        for (FrontierEntry entry : entries) {
            addPending.setString(1, entry.url());
            addPending.setInt(2, entry.depth());
            addPending.setString(3, when);
            addPending.setString(4, FrontierEntry.hostOf(entry.url()));
            String key = FrontierEntry.keyOf(entry.url());
            addPending.setString(5, key);
            addPending.addBatch();
            if (entry.requested()) {
                markRequested.setString(1, key);
                markRequested.addBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, int index, PageColumns.Type type, Object value) throws SQLException {
        switch (type) {
            case TEXT -> ps.setString(index, (String) value);
            case INTEGER -> {
                if (value == null) ps.setNull(index, Types.INTEGER);
                else ps.setInt(index, (Integer) value);
            }
            case BIGINT -> {
                if (value == null) ps.setNull(index, Types.BIGINT);
                else ps.setLong(index, (Long) value);
            }
        }
    }

    private void clearBatches() {
        for (PreparedStatement ps : List.of(upsertPage, upsertLinks, upsertBody, addPending, markRequested, refreshPage,
                appendFetch)) {
            try {
                ps.clearBatch();
            } catch (SQLException ignored) {
                // The writer stops after a failed commit; a stale batch only matters if it went on.
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (Statement st : List.of(markDone, addPending, markRequested, upsertPage, upsertLinks, upsertBody, refreshPage,
                appendFetch, control)) {
            st.close();
        }
        sitemaps.close();
    }
}
