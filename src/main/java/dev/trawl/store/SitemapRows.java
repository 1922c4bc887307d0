package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@link SitemapStore}, for both databases: the migration that adds its two tables, the rows of a batch's
 * {@link SitemapRecord}s (written by either committer inside its transaction, after the frontier rows), and a site's
 * rows for a resume. Owned by the writer thread, like the committer that holds it.
 */
final class SitemapRows implements AutoCloseable {
    /** Migration 9. */
    static List<String> migration(Dialect dialect) {
        // sitemaps: each site's walk (its queue and what each visit gave), so that a resume goes on from it.
        // sitemap_urls: where a URL a sitemap listed came from, by the frontier's de-duplication key (the row may
        // be written before the frontier row of a URL another page is discovering at the same moment).
        return List.of("CREATE TABLE sitemaps (id " + dialect.generatedKey() + ", site TEXT NOT NULL,"
                        + " url TEXT NOT NULL, depth INTEGER NOT NULL, listed_by TEXT NOT NULL, state INTEGER NOT NULL,"
                        + " urls INTEGER NOT NULL, children INTEGER NOT NULL, problem TEXT, visited_at TEXT,"
                        + " UNIQUE (site, url))",
                "CREATE TABLE sitemap_urls (url_key TEXT PRIMARY KEY, sitemap TEXT NOT NULL, lastmod TEXT)");
    }

    private static final String COLUMNS = "(site, url, depth, listed_by, state, urls, children, problem, visited_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final PreparedStatement visited;
    private final PreparedStatement queued;
    private final PreparedStatement listed;

    SitemapRows(Connection connection) throws SQLException {
        visited = connection.prepareStatement("INSERT INTO sitemaps " + COLUMNS + " ON CONFLICT (site, url) DO UPDATE"
                + " SET state = excluded.state, urls = excluded.urls, children = excluded.children,"
                + " problem = excluded.problem, visited_at = excluded.visited_at");
        queued = connection.prepareStatement("INSERT INTO sitemaps " + COLUMNS + " ON CONFLICT (site, url) DO NOTHING");
        listed = connection.prepareStatement("INSERT INTO sitemap_urls (url_key, sitemap, lastmod) VALUES (?, ?, ?)"
                + " ON CONFLICT (url_key) DO NOTHING");
    }

    /** Writes the records' own rows; their frontier rows must be staged by the caller, in the same transaction. */
    void write(List<SitemapRecord> records, Instant now) throws SQLException {
        if (records.isEmpty()) return;
        try {
            for (SitemapRecord r : records) {
                SitemapRow row = r.sitemap();
                bind(visited, r.site(), row, row.visitedAt() == null ? now : row.visitedAt());
                visited.addBatch();
                for (SitemapRow child : r.children()) {
                    bind(queued, r.site(), child, null);
                    queued.addBatch();
                }
                for (SitemapRecord.Listed l : r.listed()) {
                    listed.setString(1, FrontierEntry.keyOf(l.url()));
                    listed.setString(2, l.sitemap());
                    listed.setString(3, Timestamps.format(l.lastModified()));
                    listed.addBatch();
                }
            }
            // the queue before the visit that queued them: a walk resumed after this commit finds both
            queued.executeBatch();
            visited.executeBatch();
            listed.executeBatch();
        } catch (SQLException | RuntimeException e) {
            for (PreparedStatement ps : List.of(visited, queued, listed)) {
                ps.clearBatch();
            }
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, String site, SitemapRow row, Instant at) throws SQLException {
        ps.setString(1, site);
        ps.setString(2, row.url());
        ps.setInt(3, row.depth());
        ps.setString(4, row.listedBy());
        ps.setInt(5, row.state().code);
        ps.setInt(6, row.urls());
        ps.setInt(7, row.children());
        ps.setString(8, row.problem());
        ps.setString(9, Timestamps.format(at));
    }

    /** A site's rows in the order they were first stored (queue order, then visit order). */
    static List<SitemapRow> load(Connection connection, String site) throws SQLException {
        List<SitemapRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT url, depth, listed_by, state, urls, children,"
                + " problem, visited_at FROM sitemaps WHERE site = ? ORDER BY id")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SitemapRow(rs.getString(1), rs.getInt(2), rs.getString(3),
                            SitemapRow.State.of(rs.getInt(4)), rs.getInt(5), rs.getInt(6), rs.getString(7),
                            Timestamps.parse(rs.getString(8))));
                }
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(visited, queued, listed)) {
            ps.close();
        }
    }
}
