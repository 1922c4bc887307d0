package dev.trawl.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * A trawl database opened for reading only, by a process that is not crawling it (`trawl serve`): nothing is
 * created or migrated, and every connection refuses writes (SQLite's read-only mode and {@code query_only};
 * PostgreSQL read-only sessions). A crawl may be writing the same database meanwhile; each {@link #read} sees one
 * consistent snapshot and never blocks the writer.
 */
public final class ReadOnlyDatabase implements AutoCloseable {
    /** One piece of reading work on a connection, inside a read-only transaction. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String display;
    private final StoreReads.ConnectionSource source;
    private final Function<Throwable, String> reasons;
    private final AutoCloseable resources;

    private ReadOnlyDatabase(String display, StoreReads.ConnectionSource source, Function<Throwable, String> reasons,
                             AutoCloseable resources) {
        this.display = display;
        this.source = source;
        this.reasons = reasons;
        this.resources = resources;
    }

    /**
     * Opens the database a --db target names, as {@link Stores#open} would find it, and checks that it holds a
     * trawl schema.
     *
     * @throws StoreException "cannot open database TARGET: reason" (no such file, not a trawl database, ...)
     */
    public static ReadOnlyDatabase open(String target) {
        ReadOnlyDatabase db = connect(target);
        try {
            db.checkSchema();
            return db;
        } catch (StoreException e) {
            db.close();
            throw new StoreException(e.getMessage().replaceFirst("^cannot read from ", "cannot open database "), e);
        }
    }

    private static ReadOnlyDatabase connect(String target) {
        if (PostgresTarget.matches(target)) {
            PostgresTarget parsed = PostgresTarget.parse(target, System.getProperty("user.name"));
            PostgresPasswords.Found password = new PostgresPasswords(System.getenv(),
                    Path.of(System.getProperty("user.home"))).lookup(parsed);
            PostgresTarget resolved = parsed.withPassword(password.password());
            PostgresDatabase database = PostgresDatabase.openReadOnly(resolved, password.note(), PostgresSettings.DEFAULTS);
            return new ReadOnlyDatabase(resolved.display(), database::connect, database::reason, database);
        }
        if (target.startsWith("jdbc:")) {
            throw new StoreException("cannot open database " + PostgresTarget.masked(target)
                    + ": only SQLite files and PostgreSQL (postgresql://...) are supported", null);
        }
        SqliteFile file = new SqliteFile(target, SqliteSettings.DEFAULTS);
        Cleanup.close(openOrFail(file)); // says "no such file" here rather than at the first page view
        return new ReadOnlyDatabase(target, file::openReadOnly, SqliteErrors::reason, () -> {});
    }

    private static Connection openOrFail(SqliteFile file) {
        try {
            return file.openReadOnly();
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file.path() + ": " + SqliteErrors.reason(e), e);
        }
    }

    private void checkSchema() {
        int version = read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
                return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
            } catch (SQLException | NumberFormatException e) {
                return 0;
            }
        });
        if (version < 1) throw new StoreException("cannot open database " + display + ": it holds no trawl crawl", null);
    }

    /** The database as messages show it (a PostgreSQL URL without its password). */
    public String display() {
        return display;
    }

    /**
     * Runs work in one read-only transaction on a connection of its own, then ends the transaction.
     *
     * @throws StoreException "cannot read from TARGET: reason"
     */
    public <T> T read(Read<T> work) {
        try (Connection connection = source.connect()) {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                Cleanup.rollback(connection);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read from " + display + ": " + reasons.apply(e), e);
        }
    }

    @Override
    public void close() {
        Cleanup.close(resources);
    }
}
