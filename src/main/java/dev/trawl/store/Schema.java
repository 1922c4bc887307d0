package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database schema as ordered migrations: migration N takes a database from version N-1 to N. The version
 * lives in {@code meta(key='schema_version')} rather than SQLite's {@code user_version}, so PostgreSQL can share
 * the mechanism. To change the schema, append a migration; never edit one that has shipped.
 */
final class Schema {
    private static final String VERSION_KEY = "schema_version";

    private Schema() {}

    /** The migrations in order; index 0 is migration 1. */
    static List<List<String>> migrations(Dialect dialect) {
        return List.of(List.of(
                "CREATE TABLE frontier (id " + dialect.generatedKey() + ", url TEXT NOT NULL UNIQUE,"
                        + " depth INTEGER NOT NULL, state INTEGER NOT NULL, discovered_at TEXT)",
                "CREATE TABLE pages (frontier_id " + dialect.foreignKey() + " REFERENCES frontier(id),"
                        + " final_url TEXT, status INTEGER, content_type TEXT, title TEXT, error TEXT,"
                        + " fetched_at TEXT, description TEXT, canonical TEXT, language TEXT, charset TEXT,"
                        + " body_bytes BIGINT NOT NULL, elapsed_ms BIGINT NOT NULL)",
                "CREATE TABLE links (frontier_id " + dialect.foreignKey() + " REFERENCES frontier(id),"
                        + " targets TEXT NOT NULL)"),
                // 2: the frontier is worked from the database in claimed batches; finding the next pending
                // rows must not scan the done ones.
                List.of("CREATE INDEX frontier_pending ON frontier (id) WHERE state = 0"),
                // 3: several workers share one frontier (PostgreSQL). A claimed row names its worker; workers
                // heartbeat, so the claims of a dead one can be told from a live one's; a host is leased to one
                // worker at a time, so --per-host and --delay hold for the whole crawl. Times are milliseconds of
                // the database's clock, so workers on machines whose clocks disagree still agree on who is alive.
                workersMigration(dialect),
                // 4: the frontier's unique key is the URL's de-duplication key (dev.trawl.url.DedupKey), while url
                // is the request form, as the page wrote it; and host_budget counts the URLs each host has had
                // admitted to the frontier, for --max-pages-per-host across resumes and workers.
                // The index comes before the backfill, which looks keys up in it (null keys are allowed, and distinct). Not
                // "frontier_url_key": PostgreSQL gave that name to the index of url's UNIQUE.
                List.of("ALTER TABLE frontier ADD COLUMN url_key TEXT",
                        "CREATE UNIQUE INDEX frontier_dedup_key ON frontier (url_key)",
                        UrlKeyBackfill.STEP,
                        "CREATE TABLE host_budget (host TEXT PRIMARY KEY, admitted BIGINT NOT NULL)",
                        "INSERT INTO host_budget (host, admitted) SELECT host, COUNT(*) FROM frontier"
                                + " WHERE host IS NOT NULL GROUP BY host"),
                // 5: `trawl serve` pages through the pages table sorted by status, fetch time, title or depth with
                // keyset pagination, which needs an index in each order (NULLs folded, so both databases order
                // them alike). The export's order and the URL order already have theirs.
                List.of("CREATE INDEX pages_status ON pages (COALESCE(status, 0), frontier_id)",
                        "CREATE INDEX pages_fetched_at ON pages (COALESCE(fetched_at, ''), frontier_id)",
                        "CREATE INDEX pages_title ON pages (COALESCE(title, ''), frontier_id)",
                        "CREATE INDEX frontier_depth ON frontier (depth, id)"),
                // 6: a page's links past the parser's limits (PageLimits) are cut; how many, so a reader knows the
                // links row is not the whole page.
                List.of("ALTER TABLE pages ADD COLUMN links_cut INTEGER NOT NULL DEFAULT 0"),
                // 7: workers hold slots of hosts rather than whole hosts, so that one site's --per-host can be split
                // among workers and hosts can move to a worker that joins; a worker says how many units it can use
                // (wants), and counts its pages and its upkeep transactions, for people and bench/workers.sh.
                List.of("CREATE TABLE host_slots (host TEXT NOT NULL, slot INTEGER NOT NULL, worker TEXT NOT NULL,"
                                + " PRIMARY KEY (host, slot))",
                        "CREATE INDEX host_slots_worker ON host_slots (worker, host)",
                        "DROP TABLE host_leases",
                        "ALTER TABLE workers ADD COLUMN wants INTEGER NOT NULL DEFAULT 1",
                        "ALTER TABLE workers ADD COLUMN pages BIGINT NOT NULL DEFAULT 0",
                        "ALTER TABLE workers ADD COLUMN checks BIGINT NOT NULL DEFAULT 0"),
                // 8: what a crawl keeps of a page besides its links: the fields its extraction rules found (a JSON
                // object) and the SHA-1 of its payload (as WARC-Payload-Digest has it), for --duplicates and recrawl.
                List.of("ALTER TABLE pages ADD COLUMN fields TEXT",
                        "ALTER TABLE pages ADD COLUMN digest TEXT",
                        "CREATE INDEX pages_digest ON pages (digest) WHERE digest IS NOT NULL",
                        // --store-bodies: the response as received (StoredBody), apart from pages so that reading
                        // and paging the pages table never drags bodies along
                        "CREATE TABLE bodies (frontier_id " + dialect.foreignKey() + " REFERENCES frontier(id),"
                                + " head TEXT NOT NULL, coding TEXT NOT NULL, body " + dialect.blob() + " NOT NULL)"),
                // 9: --sitemaps: where each URL a sitemap listed came from, and the walk (SitemapRows)
                SitemapRows.migration(dialect),
                // 10: conditional recrawl. A page keeps its response's validators, to send back, and how its latest
                // response compares with the one before (change); every stored outcome is also appended to fetches,
                // so a recrawl keeps the earlier fetches queryable (PageColumns.HISTORY).
                recrawlMigration(dialect),
                // 11: --render: whether the page's title, links and fields come from its DOM rendered in Chromium
                List.of("ALTER TABLE pages ADD COLUMN rendered INTEGER NOT NULL DEFAULT 0"),
                // 12: --delay and robots.txt Crawl-delay hold for the whole crawl on a host whose slots several workers
                // hold: each request start there is reserved in one row per host (HostPace). next_at is the earliest
                // the next request may start and reserved_at the last reservation, both milliseconds of the
                // database's clock; gap_ms is the largest gap any worker asked for. Only hosts with a gap get a row.
                List.of("CREATE TABLE host_pace (host TEXT PRIMARY KEY, next_at BIGINT NOT NULL,"
                        + " gap_ms BIGINT NOT NULL, reserved_at BIGINT NOT NULL)"));
    }

    private static List<String> recrawlMigration(Dialect dialect) {
        return List.of("ALTER TABLE pages ADD COLUMN etag TEXT",
                "ALTER TABLE pages ADD COLUMN last_modified TEXT",
                "ALTER TABLE pages ADD COLUMN change TEXT",
                "CREATE TABLE fetches (id " + dialect.generatedKey() + ", frontier_id BIGINT NOT NULL REFERENCES frontier(id),"
                        + " final_url TEXT, status INTEGER, error TEXT, fetched_at TEXT, elapsed_ms BIGINT NOT NULL,"
                        + " digest TEXT, etag TEXT, last_modified TEXT, change TEXT)",
                "CREATE INDEX fetches_page ON fetches (frontier_id, id)",
                // the earlier crawls' latest fetches are the history's first rows
                "INSERT INTO fetches (frontier_id, final_url, status, error, fetched_at, elapsed_ms, digest)"
                        + " SELECT frontier_id, final_url, status, error, fetched_at, elapsed_ms, digest FROM pages"
                        + " ORDER BY frontier_id");
    }

    private static List<String> workersMigration(Dialect dialect) {
        List<String> steps = new java.util.ArrayList<>(List.of(
                "ALTER TABLE frontier ADD COLUMN host TEXT",
                "ALTER TABLE frontier ADD COLUMN claimed_by TEXT",
                "CREATE INDEX frontier_pending_host ON frontier (host, id) WHERE state = 0",
                "CREATE INDEX frontier_claimed ON frontier (claimed_by, host) WHERE state = 2",
                "CREATE TABLE workers (id TEXT PRIMARY KEY, hostname TEXT NOT NULL, pid BIGINT NOT NULL,"
                        + " started_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL, claims BIGINT NOT NULL DEFAULT 0,"
                        + " claimed BIGINT NOT NULL DEFAULT 0, hosts_leased BIGINT NOT NULL DEFAULT 0)",
                "CREATE TABLE host_leases (host TEXT PRIMARY KEY, worker TEXT NOT NULL)",
                "CREATE INDEX host_leases_worker ON host_leases (worker)"));
        if (dialect.backfillHosts() != null) {
            steps.add(dialect.backfillHosts());
        }
        return steps;
    }

    /** The version a fully migrated database has. */
    static int latest(Dialect dialect) {
        return migrations(dialect).size();
    }

    /**
     * Reads the schema version, 0 for a new database. Creates the meta table if missing, so call it inside the
     * write transaction that will migrate.
     */
    static int version(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
            try (ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = '" + VERSION_KEY + "'")) {
                return rs.next() ? parseVersion(rs.getString(1)) : 0;
            }
        }
    }

    private static int parseVersion(String text) throws SQLException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SQLException("its " + VERSION_KEY + " is not a number: '" + text + "'", e);
        }
    }

    /**
     * Brings the database to the latest version in one write transaction, holding the dialect's migration lock,
     * so that two processes opening a new database at once do not both create the tables. The connection must be
     * in auto-commit mode; it is again on return.
     *
     * @throws TooNewException when the database was written by a newer trawl; nothing is changed then
     */
    static void upgrade(Connection connection, Dialect dialect) throws SQLException, TooNewException {
        try (Statement st = connection.createStatement()) {
            st.execute(dialect.beginWrite());
            try {
                if (dialect.migrationLock() != null) {
                    st.execute(dialect.migrationLock());
                }
                int version = version(connection);
                int latest = latest(dialect);
                if (version > latest) {
                    throw new TooNewException("its schema version " + version
                            + " is newer than this trawl supports (" + latest + ")");
                }
                if (version < latest) {
                    migrate(connection, dialect, version);
                }
                st.execute("COMMIT");
            } catch (SQLException | TooNewException | RuntimeException e) {
                Cleanup.rollback(st);
                throw e;
            }
        }
    }

    /** The database's schema is newer than this code; the message is the reason, for "cannot open database X: ". */
    static final class TooNewException extends Exception {
        TooNewException(String reason) {
            super(reason);
        }
    }

    /** Applies the migrations after {@code from}, recording the new version; the caller owns the transaction. */
    private static void migrate(Connection connection, Dialect dialect, int from) throws SQLException {
        List<List<String>> all = migrations(dialect);
        try (Statement st = connection.createStatement()) {
            for (int v = from + 1; v <= all.size(); v++) {
                for (String step : all.get(v - 1)) {
                    if (step.equals(UrlKeyBackfill.STEP)) {
                        UrlKeyBackfill.run(connection); // computed in Java: SQL cannot derive the key
                    } else {
                        st.execute(step);
                    }
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, VERSION_KEY);
            ps.setString(2, Integer.toString(all.size()));
            ps.executeUpdate();
        }
    }
}
