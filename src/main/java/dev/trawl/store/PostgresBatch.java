package dev.trawl.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.stream.Collectors.joining;

/**
 * Commits a batch in four statements whatever its size, each taking whole columns as arrays and spreading them
 * with {@code unnest}: add the discovered URLs as pending unless known, mark the pages' URLs done (RETURNING their
 * ids), replace their pages rows, then their links rows (and, new with recrawl, refresh the rows of 304s and append
 * to the fetch history: two more). Over a network each statement is a round trip, so the
 * row-by-row {@link BatchStatements} would cost one per page; StoreBenchmark measures both.
 *
 * <p>Same semantics as BatchStatements: the last record of a URL in a batch wins, a URL already done stays done
 * (pending rows never update a known row, and marking done overrides pending), and the batch is one transaction.
 */
final class PostgresBatch implements BatchCommitter {
    private static final String MARK_DONE = "INSERT INTO frontier (url, depth, state, discovered_at, host)"
            + " SELECT u, d, 1, a, h FROM unnest(?::text[], ?::int[], ?::text[], ?::text[]) AS t(u, d, a, h) ORDER BY u"
            + " ON CONFLICT (url) DO UPDATE SET state = 1, claimed_by = NULL RETURNING id, url";
    /** No conflict target: a URL is known when its url or its de-duplication key is. */
    private static final String ADD_PENDING = "INSERT INTO frontier (url, depth, state, discovered_at, host, url_key)"
            + " SELECT u, d, 0, a, h, k FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[])"
            + " AS t(u, d, a, h, k) ORDER BY u ON CONFLICT DO NOTHING";
    /** Redirect hops already requested: a pending row of the same key is done, so it is not fetched again. */
    private static final String MARK_REQUESTED = "UPDATE frontier SET state = 1 WHERE url_key = ANY(?::text[])"
            + " AND state = 0";
    private static final String UPSERT_PAGES = "INSERT INTO pages (frontier_id, "
            + String.join(", ", BatchStatements.PAGE_COLUMNS) + ") SELECT * FROM unnest(?::bigint[]"
            + PageColumns.STORED.stream().map(c -> ", ?::" + c.type().arrayType + "[]").collect(joining()) + ") "
            + BatchStatements.replaceOnConflict(BatchStatements.PAGE_COLUMNS);
    /** A 304 on a recrawl: the stored row keeps its response; see {@link PageColumns#REFRESHED_WHEN_NOT_MODIFIED}. */
    private static final String REFRESH_PAGES = UPSERT_PAGES.substring(0, UPSERT_PAGES.indexOf(" ON CONFLICT"))
            + " " + BatchStatements.refreshOnConflict();
    /** The fetch history: a row per stored outcome. */
    private static final String APPEND_FETCHES = "INSERT INTO fetches (frontier_id, "
            + String.join(", ", BatchStatements.HISTORY_COLUMNS) + ") SELECT * FROM unnest(?::bigint[]"
            + PageColumns.HISTORY.stream().map(c -> ", ?::" + c.type().arrayType + "[]").collect(joining()) + ")";
    private static final String UPSERT_LINKS = "INSERT INTO links (frontier_id, targets)"
            + " SELECT * FROM unnest(?::bigint[], ?::text[]) " + BatchStatements.replaceOnConflict(List.of("targets"));

    private static final String UPSERT_BODIES = "INSERT INTO bodies (frontier_id, head, coding, body)"
            + " SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bytea[]) "
            + BatchStatements.replaceOnConflict(BatchStatements.BODY_COLUMNS);

    private final Connection connection;
    private final PreparedStatement markDone;
    private final PreparedStatement addPending;
    private final PreparedStatement markRequested;
    private final PreparedStatement upsertPages;
    private final PreparedStatement upsertLinks;
    private final PreparedStatement upsertBodies;
    private final SitemapRows sitemaps;
    private final PreparedStatement refreshPages;
    private final PreparedStatement appendFetches;

    PostgresBatch(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        markDone = connection.prepareStatement(MARK_DONE);
        addPending = connection.prepareStatement(ADD_PENDING);
        markRequested = connection.prepareStatement(MARK_REQUESTED);
        upsertPages = connection.prepareStatement(UPSERT_PAGES);
        upsertLinks = connection.prepareStatement(UPSERT_LINKS);
        upsertBodies = connection.prepareStatement(UPSERT_BODIES);
        sitemaps = new SitemapRows(connection);
        refreshPages = connection.prepareStatement(REFRESH_PAGES);
        appendFetches = connection.prepareStatement(APPEND_FETCHES);
    }

    /**
     * Several workers write one frontier, each through its own writer: two batches that discover the same URLs, or
     * link to each other's pages, can wait for each other's uncommitted rows. Rows go in URL order, which makes that
     * rare, but a wait across two statements of a batch can still close a cycle; PostgreSQL then aborts one
     * transaction (deadlock_timeout, 1 s), and the batch, which is idempotent, is simply run again.
     */
    private static final int ATTEMPTS = 5;

    @Override
    public void commit(List<WriteTask> tasks, Instant now) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                commitOnce(tasks, now);
                return;
            } catch (SQLException e) {
                if (!isDeadlock(e) || attempt >= ATTEMPTS) throw e;
            }
        }
    }

    /** A deadlock or serialization failure: the transaction was rolled back and may be run again as it is. */
    static boolean isDeadlock(SQLException e) {
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    private void commitOnce(List<WriteTask> tasks, Instant now) throws SQLException {
        Map<String, WriteTask.Page> pages = new LinkedHashMap<>();
        Columns pending = new Columns();
        List<SitemapRecord> sitemapRecords = new ArrayList<>();
        for (WriteTask task : tasks) {
            switch (task) {
                case WriteTask.Page page -> {
                    pages.put(page.record().url(), page); // ON CONFLICT DO UPDATE may touch a row once per statement
                    Instant at = page.record().fetchedAt() == null ? now : page.record().fetchedAt();
                    // its own URL too (nearly always known already: it was claimed), so a new one is inserted in
                    // the same URL-ordered statement as its discoveries, before marking it done
                    pending.add(new FrontierEntry(page.record().url(), page.record().depth()), at);
                    page.record().discovered().forEach(e -> pending.add(e, at));
                }
                case WriteTask.Pending p -> p.entries().forEach(e -> pending.add(e, p.discoveredAt()));
                case WriteTask.Sitemap s -> {
                    s.record().frontier().forEach(e -> pending.add(e, now));
                    sitemapRecords.add(s.record());
                }
                case WriteTask.Barrier ignored -> throw new IllegalArgumentException("a barrier is not data");
                case WriteTask.Exclusive<?> ignored -> throw new IllegalArgumentException("exclusive work is not data");
                case WriteTask.Stop ignored -> throw new IllegalArgumentException("stop is not data");
            }
        }
        try {
            // Pending rows first: it is the only statement that can wait on another worker's open batch (a URL it
            // is inserting, or a page it is marking done). Waiting there holds nothing but rows inserted in URL order,
            // as the other batch's inserts are, so two batches cannot wait on each other; after it, marking this
            // worker's own claimed URLs done waits on nobody. (Marking done after adding is still right: it sets
            // state 1 whatever the row was, and a URL done in an earlier batch is left alone by DO NOTHING.)
            if (!pending.isEmpty()) {
                frontierColumns(addPending, pending);
                addPending.setArray(5, array("text", pending.urls.stream().map(FrontierEntry::keyOf).toArray(String[]::new)));
                addPending.executeUpdate();
                if (!pending.requestedKeys.isEmpty()) {
                    markRequested.setArray(1, array("text", pending.requestedKeys.toArray(String[]::new)));
                    markRequested.executeUpdate();
                }
            }
            if (!pages.isEmpty()) {
                Map<String, Long> ids = markDone(pages.values(), now);
                List<WriteTask.Page> replaced = new ArrayList<>();
                List<WriteTask.Page> notModified = new ArrayList<>();
                for (WriteTask.Page page : pages.values()) {
                    (page.record().outcome() instanceof PageOutcome.NotModified ? notModified : replaced).add(page);
                }
                if (!replaced.isEmpty()) {
                    insertRows(upsertPages, PageColumns.STORED, replaced, ids);
                    upsertLinks(replaced, ids);
                }
                if (!notModified.isEmpty()) insertRows(refreshPages, PageColumns.STORED, notModified, ids);
                upsertBodies(pages.values(), ids);
                insertRows(appendFetches, PageColumns.HISTORY, pages.values(), ids);
            }
            sitemaps.write(sitemapRecords, now); // after the frontier rows of what they listed
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            Cleanup.rollback(connection);
            throw e;
        }
    }

    /** Claims and lease changes can meet other workers' batches the same way; a rolled-back claim never happened. */
    @Override
    public <T> T exclusive(WriteTask.SqlWork<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                Cleanup.rollback(connection);
                if (!isDeadlock(e) || attempt >= ATTEMPTS) throw e;
            } catch (RuntimeException e) {
                Cleanup.rollback(connection);
                throw e;
            }
        }
    }

    private Map<String, Long> markDone(Iterable<WriteTask.Page> pages, Instant now) throws SQLException {
        Columns done = new Columns();
        pages.forEach(p -> done.add(new FrontierEntry(p.record().url(), p.record().depth()),
                p.record().fetchedAt() == null ? now : p.record().fetchedAt()));
        frontierColumns(markDone, done);
        Map<String, Long> ids = new HashMap<>();
        try (ResultSet rs = markDone.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(2), rs.getLong(1));
            }
        }
        return ids;
    }

    /** Runs an unnest statement with the ids, then one array per column of {@code stored}. */
    private void insertRows(PreparedStatement statement, List<PageColumns.Column> stored,
                            Collection<WriteTask.Page> pages, Map<String, Long> ids) throws SQLException {
        int n = pages.size();
        Long[] id = new Long[n];
        Object[][] columns = new Object[stored.size()][n];
        int i = 0;
        for (WriteTask.Page page : pages) {
            PageRecord r = page.record();
            id[i] = idOf(ids, r.url());
            for (int c = 0; c < columns.length; c++) {
                columns[c][i] = stored.get(c).value().apply(r);
            }
            i++;
        }
        statement.setArray(1, array("int8", id));
        for (int c = 0; c < columns.length; c++) {
            statement.setArray(2 + c, array(stored.get(c).type().arrayType, columns[c]));
        }
        statement.executeUpdate();
    }

    private void upsertLinks(Collection<WriteTask.Page> pages, Map<String, Long> ids) throws SQLException {
        Long[] id = new Long[pages.size()];
        String[] targets = new String[pages.size()];
        int i = 0;
        for (WriteTask.Page page : pages) {
            id[i] = idOf(ids, page.record().url());
            targets[i++] = page.outlinksJson();
        }
        upsertLinks.setArray(1, array("int8", id));
        upsertLinks.setArray(2, array("text", targets));
        upsertLinks.executeUpdate();
    }

    /** The kept bodies of the batch, if any: one statement. */
    private void upsertBodies(Collection<WriteTask.Page> pages, Map<String, Long> ids) throws SQLException {
        List<Long> id = new ArrayList<>();
        List<String> head = new ArrayList<>();
        List<String> coding = new ArrayList<>();
        List<byte[]> body = new ArrayList<>();
        for (WriteTask.Page page : pages) {
            if (page.record().outcome() instanceof PageOutcome.Fetched f && f.body() != null) {
                id.add(idOf(ids, page.record().url()));
                head.add(f.body().head());
                coding.add(f.body().coding());
                body.add(f.body().bytes());
            }
        }
        if (id.isEmpty()) return;
        upsertBodies.setArray(1, array("int8", id.toArray()));
        upsertBodies.setArray(2, array("text", head.toArray()));
        upsertBodies.setArray(3, array("text", coding.toArray()));
        upsertBodies.setArray(4, connection.createArrayOf("bytea", body.toArray(new byte[0][])));
        upsertBodies.executeUpdate();
    }

    private static Long idOf(Map<String, Long> ids, String url) throws SQLException {
        Long id = ids.get(url);
        if (id == null) {
            throw new SQLException("marking " + url + " done returned no id");
        }
        return id;
    }

    private void frontierColumns(PreparedStatement ps, Columns columns) throws SQLException {
        ps.setArray(1, array("text", columns.urls.toArray(String[]::new)));
        ps.setArray(2, array("int4", columns.depths.toArray(Integer[]::new)));
        ps.setArray(3, array("text", columns.times.toArray(String[]::new)));
        ps.setArray(4, array("text", columns.urls.stream().map(FrontierEntry::hostOf).toArray(String[]::new)));
    }

    private Array array(String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** Frontier rows as three columns. */
    private static final class Columns {
        final List<String> urls = new ArrayList<>();
        final List<Integer> depths = new ArrayList<>();
        final List<String> times = new ArrayList<>();
        final List<String> requestedKeys = new ArrayList<>();

        void add(FrontierEntry entry, Instant at) {
            if (entry.requested()) requestedKeys.add(FrontierEntry.keyOf(entry.url()));
            urls.add(entry.url());
            depths.add(entry.depth());
            times.add(Timestamps.format(at));
        }

        boolean isEmpty() {
            return urls.isEmpty();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(markDone, addPending, markRequested, upsertPages, upsertLinks, upsertBodies,
                refreshPages, appendFetches)) {
            ps.close();
        }
        sitemaps.close();
    }
}
