package dev.trawl.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL database behind a small HikariCP pool: one connection the writer keeps, and a few for reads
 * (resume, export, counts) that may overlap it. Opening checks that the server answers and migrates the schema.
 */
final class PostgresDatabase implements AutoCloseable {
    /** The writer's connection, the heartbeat's, a concurrent export or frontier load, and one spare. */
    private static final int POOL_SIZE = 5;

    private final PostgresTarget target;
    private final String note;
    private final HikariDataSource pool;

    private PostgresDatabase(PostgresTarget target, String note, HikariDataSource pool) {
        this.target = target;
        this.note = note;
        this.pool = pool;
    }

    /**
     * Connects, creating the tables or migrating them if needed.
     *
     * @param note why a password file was ignored, or null; added to an authentication failure
     * @throws StoreException "cannot open database postgresql://user@host:port/db: reason"
     */
    static PostgresDatabase open(PostgresTarget target, String note, PostgresSettings settings) {
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config(target, settings));
            PostgresDatabase db = new PostgresDatabase(target, note, pool);
            db.migrate();
            return db;
        } catch (RuntimeException | SQLException e) {
            Cleanup.close(pool);
            if (e instanceof StoreException known) {
                throw known;
            }
            throw new StoreException("cannot open database " + target.display() + ": " + reason(e, note), e);
        }
    }

    /**
     * Connects without creating or migrating anything, every connection read-only (`trawl serve`).
     *
     * @throws StoreException "cannot open database postgresql://user@host:port/db: reason"
     */
    static PostgresDatabase openReadOnly(PostgresTarget target, String note, PostgresSettings settings) {
        HikariDataSource pool = null;
        try {
            HikariConfig config = config(target, settings);
            config.setPoolName("trawl-postgres-read");
            config.setReadOnly(true);
            pool = new HikariDataSource(config);
            return new PostgresDatabase(target, note, pool);
        } catch (RuntimeException e) {
            Cleanup.close(pool);
            throw new StoreException("cannot open database " + target.display() + ": " + reason(e, note), e);
        }
    }

    private static HikariConfig config(PostgresTarget target, PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("trawl-postgres");
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        if (target.password() != null) {
            config.setPassword(target.password());
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setInitializationFailTimeout(1); // one attempt at start: a wrong host or password fails at once
        config.addDataSourceProperty("connectTimeout", Long.toString(ceilSeconds(settings.connectTimeout())));
        config.addDataSourceProperty("socketTimeout", Long.toString(ceilSeconds(settings.socketTimeout())));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "trawl");
        return config;
    }

    private static long ceilSeconds(java.time.Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private void migrate() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            Schema.upgrade(connection, Dialect.POSTGRES);
        } catch (Schema.TooNewException e) {
            throw new StoreException("cannot open database " + target.display() + ": " + e.getMessage(), null);
        }
    }

    /** A pooled connection in auto-commit mode; close it to give it back. */
    Connection connect() throws SQLException {
        return pool.getConnection();
    }

    /** The reason for a failure on this database, with the password-file note when authentication failed. */
    String reason(Throwable failure) {
        return reason(failure, note);
    }

    private static String reason(Throwable failure, String note) {
        String reason = PostgresErrors.reason(failure);
        return note != null && reason.contains("authentication") ? reason + "; " + note : reason;
    }

    @Override
    public void close() {
        pool.close();
    }
}
