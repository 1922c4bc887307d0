package dev.trawl.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** A SQLite database file and how to connect to it: WAL, synchronous=NORMAL, a busy timeout. */
final class SqliteFile {
    private final String path;
    private final SqliteSettings settings;

    SqliteFile(String path, SqliteSettings settings) {
        this.path = path;
        this.settings = settings;
    }

    /** The path as the user gave it, for messages. */
    String path() {
        return path;
    }

    /**
     * Opens the single writing connection, creating the file and migrating the schema if needed.
     *
     * @throws StoreException "cannot open database PATH: reason"
     */
    Connection openWriter() {
        checkLocation();
        Connection connection = null;
        try {
            connection = connect(true);
            tuneWriter(connection);
            migrate(connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw openFailure(SqliteErrors.reason(e), e);
        } catch (StoreException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Opens a connection for one read operation; readers never block the writer in WAL mode. */
    Connection openReader() throws SQLException {
        return connect(false);
    }

    private Connection connect(boolean writer) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, settings.busyTimeout().toMillis()));
        if (writer) {
            // WAL keeps readers (export, stats) off the writer's back; NORMAL syncs at checkpoints only, which
            // in WAL mode can lose the last commits on power loss but never corrupts the database.
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            // 64 MiB instead of SQLite's 2 MiB: every discovered link probes the frontier's url index at a random
            // spot, and once that index outgrows the cache each probe becomes a read.
            config.setCacheSize(-64 * 1024);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
    }

    /**
     * Checkpoints run inside the commit that crosses the threshold and were most of the writer's time at
     * SQLite's default of 1000 pages: the hot frontier index pages were copied back on every 4 MB of WAL.
     * At 10000 pages (about 40 MB of WAL) a page changed many times is copied once; measured about 1.5x more
     * records/s with 40 outlinks per page.
     */
    private static void tuneWriter(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_autocheckpoint = 10000");
        }
    }

    /** Caught here because SQLite's own message for both is just "unable to open database file". */
    private void checkLocation() {
        if (path.isBlank()) {
            throw openFailure("no file name given", null);
        }
        Path file = Path.of(path).toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw openFailure("it is a directory", null);
        }
        Path parent = file.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw openFailure("directory " + parent + " does not exist", null);
        }
    }

    private void migrate(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            // IMMEDIATE: two processes opening a new file at once must not both create the tables.
            st.execute("BEGIN IMMEDIATE");
            try {
                int version = Schema.version(connection);
                int latest = Schema.latest(Dialect.SQLITE);
                if (version > latest) {
                    throw openFailure("its schema version " + version
                            + " is newer than this trawl supports (" + latest + ")", null);
                }
                if (version < latest) {
                    Schema.migrate(connection, Dialect.SQLITE, version);
                }
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(st);
                throw e;
            }
        }
    }

    private StoreException openFailure(String reason, Throwable cause) {
        return new StoreException("cannot open database " + path + ": " + reason, cause);
    }

    static void rollbackQuietly(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // The failure that brought us here is the one worth reporting; SQLite may already have rolled back.
        }
    }

    static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // Closing after a failure; the original failure is what the user needs to see.
        }
    }
}
