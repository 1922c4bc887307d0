package dev.trawl.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, uniquely named database on the test server, dropped on close, so tests (and test runs in other
 * worktrees) never see each other's rows. The server comes from {@code TRAWL_PG_URL}, default
 * {@code postgresql://postgres@127.0.0.1:5432/test}; its user must be allowed to create databases. When the server
 * cannot be reached the calling test is skipped, not failed. Either made by {@link #create} and closed by the caller,
 * or registered as a JUnit extension for a fresh one per test:
 * {@code @RegisterExtension final PostgresTestDatabase db = PostgresTestDatabase.perTest();}
 */
public final class PostgresTestDatabase implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    public static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";

    private final PostgresTarget admin = admin();
    private String name; // null while no database exists

    private PostgresTestDatabase() {}

    /** The admin target: TRAWL_PG_URL or the default. */
    static PostgresTarget admin() {
        String url = System.getenv().getOrDefault("TRAWL_PG_URL", DEFAULT_URL);
        PostgresTarget parsed = PostgresTarget.parse(url, System.getProperty("user.name"));
        String password = parsed.password() != null ? parsed.password() : System.getenv("PGPASSWORD");
        return parsed.withPassword(password);
    }

    /** Creates a database, or skips the test when no PostgreSQL server answers. */
    public static PostgresTestDatabase create() {
        var db = new PostgresTestDatabase();
        db.createDatabase();
        return db;
    }

    /** A database made before each test of the class that registers it, and dropped after it. */
    public static PostgresTestDatabase perTest() {
        return new PostgresTestDatabase();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        createDatabase();
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        close();
    }

    private void createDatabase() {
        String fresh = "trawl_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = connect(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + fresh);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at " + admin.display() + " is not usable (" + e.getMessage()
                    + "); set TRAWL_PG_URL to run the PostgreSQL tests");
        }
        name = fresh;
    }

    static Connection connect(PostgresTarget target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.credentials());
    }

    /** The --db target of this database, with the admin's user and password. */
    public String url() {
        return urlOfDatabase(name);
    }

    /** As {@link #url} but without the password: what messages show. */
    public String display() {
        return target().display();
    }

    /** The URL of another database on the same server, for "does not exist". */
    public String urlOfDatabase(String database) {
        String pw = admin.password();
        StringBuilder url = new StringBuilder("postgresql://").append(encode(admin.user()))
                .append(pw == null ? "" : ":" + encode(pw)).append('@').append(admin.host()).append(':')
                .append(admin.port()).append('/').append(database);
        char sep = '?';
        for (var p : admin.parameters().entrySet()) {
            url.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    PostgresTarget target() {
        return new PostgresTarget(admin.host(), admin.port(), name, admin.user(), admin.password(), admin.parameters());
    }

    /** A connection to this database as the admin, for tests that read tables directly; the caller closes it. */
    public Connection connection() throws SQLException {
        return connect(target());
    }

    /** Runs sql on this database as the admin and returns the first column of the first row, or null. */
    public String scalar(String sql) throws SQLException {
        try (Connection c = connect(target()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Runs sql on this database as the admin. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(target()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Whether the server lets user in with this password (always, when pg_hba.conf says trust). */
    public boolean acceptsPassword(String user, String password) {
        PostgresTarget as = new PostgresTarget(admin.host(), admin.port(), name, user, password, admin.parameters());
        try (Connection _ = connect(as)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Ends every other session on this database, as a server restart or an admin would. Returns how many. */
    public int terminateOtherSessions() throws SQLException {
        return Integer.parseInt(scalar("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()"));
    }

    @Override
    public void close() throws SQLException {
        if (name == null) return;
        try (Connection c = connect(admin); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        name = null;
    }
}
