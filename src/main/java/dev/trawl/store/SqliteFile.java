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
            Cleanup.close(connection);
            throw openFailure(SqliteErrors.reason(e), e);
        } catch (StoreException e) {
            Cleanup.close(connection);
            throw e;
        }
    }

    /** Opens a connection for one read operation; readers never block the writer in WAL mode. */
    Connection openReader() throws SQLException {
        return connect(false);
    }

    /**
     * Opens a connection that cannot write (SQLite's read-only mode and {@code query_only}), for `trawl serve`:
     * it neither creates nor migrates the file.
     *
     * @throws StoreException "cannot open database PATH: reason" when there is no such file
     */
    Connection openReadOnly() throws SQLException {
        checkLocation();
        if (!Files.isRegularFile(Path.of(path))) throw openFailure("no such file", null);
        SQLiteConfig config = config(false);
        config.setReadOnly(true);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA query_only = 1");
        } catch (SQLException e) {
            Cleanup.close(connection);
            throw e;
        }
        return connection;
    }

    private Connection connect(boolean writer) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + path, config(writer).toProperties());
    }

    private SQLiteConfig config(boolean writer) {
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
        return config;
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
        try {
            Schema.upgrade(connection, Dialect.SQLITE);
        } catch (Schema.TooNewException e) {
            throw openFailure(e.getMessage(), null);
        }
    }

    private StoreException openFailure(String reason, Throwable cause) {
        return new StoreException("cannot open database " + path + ": " + reason, cause);
    }
}
