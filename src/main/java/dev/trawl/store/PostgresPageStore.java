package dev.trawl.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * A {@link PageStore} in a PostgreSQL database, same schema and semantics as {@link SqlitePageStore}: any number
 * of threads call {@link #write}; one platform thread holds one connection and commits their records in batches
 * (JDBC blocks, so the writer is off the fetch path by being its own thread, and a full queue is the
 * back-pressure). Reads stream through a server-side cursor on a pooled connection. Create with
 * {@link Stores#open}.
 *
 * <p>If the server goes away, the writer's transaction fails and is rolled back; everything committed before
 * stays, and every later write, flush or close throws "cannot write to postgresql://user@host:port/db: reason".
 * Opening the store again once the server is back resumes from what was committed.
 */
public final class PostgresPageStore extends QueuedPageStore {
    private final PostgresDatabase database;
    private final SharedFrontier coordination;

    private PostgresPageStore(PostgresDatabase database, String name, PostgresSettings settings,
                              InstantSource clock) {
        super(new WriteQueue(name, () -> openCommitter(database, settings.rowByRow()), settings.batching(), clock,
                        database::reason),
                new StoreReads(name, database::connect, database::reason, Dialect.POSTGRES));
        this.database = database;
        this.coordination = new SharedFrontier(writes, database::connect);
    }

    /**
     * Opens the database a target names and migrates it to the current schema. A target without a password
     * takes it from {@code PGPASSWORD} or the password file, as libpq does.
     *
     * @throws StoreException "cannot open database postgresql://user@host:port/db: reason"
     */
    static PostgresPageStore open(String target, PostgresSettings settings, InstantSource clock) {
        return open(target, System.getenv(), Path.of(System.getProperty("user.home")), settings, clock);
    }

    /** As {@link #open(String, PostgresSettings, InstantSource)}, with the environment and home directory given. */
    static PostgresPageStore open(String target, Map<String, String> env, Path home, PostgresSettings settings,
                                  InstantSource clock) {
        PostgresTarget parsed = PostgresTarget.parse(target, System.getProperty("user.name"));
        PostgresPasswords.Found password = new PostgresPasswords(env, home).lookup(parsed);
        PostgresTarget resolved = parsed.withPassword(password.password());
        PostgresDatabase database = PostgresDatabase.open(resolved, password.note(), settings);
        return new PostgresPageStore(database, resolved.display(), settings, clock);
    }

    /**
     * Takes the writer's connection for the store's lifetime; closing the committer gives it back, which must
     * happen before the pool closes (HikariCP waits for connections in use).
     */
    private static BatchCommitter openCommitter(PostgresDatabase database, boolean rowByRow) throws SQLException {
        Connection connection = database.connect();
        try {
            BatchCommitter inner = rowByRow ? new BatchStatements(connection, Dialect.POSTGRES) : new PostgresBatch(connection);
            return new OwningCommitter(connection, inner);
        } catch (SQLException | RuntimeException e) {
            Cleanup.close(connection);
            throw e;
        }
    }

    /** A committer that also closes its connection. */
    private record OwningCommitter(Connection connection, BatchCommitter inner) implements BatchCommitter {
        @Override
        public void commit(List<WriteTask> tasks, java.time.Instant now) throws SQLException {
            inner.commit(tasks, now);
        }

        @Override
        public <T> T exclusive(WriteTask.SqlWork<T> work) throws SQLException {
            return inner.exclusive(work);
        }

        @Override
        public void close() throws SQLException {
            try {
                inner.close();
            } finally {
                connection.close();
            }
        }
    }

    /** Counts the page for this worker's row in {@code workers} (its share of the crawl, for people). */
    @Override
    public void write(PageRecord record) throws InterruptedException {
        super.write(record);
        coordination.countPage();
    }

    @Override
    public Coordination coordination() {
        return coordination;
    }

    /**
     * Idempotent. A worker leaves the crawl first: its unfinished claims become pending at once and its hosts free,
     * rather than after the heartbeat expires. Throws the writer's failure, if it had one, after releasing the pool.
     */
    @Override
    public void close() {
        coordination.leave();
        if (!writes.stop()) {
            return;
        }
        database.close();
        writes.throwIfFailed();
    }
}
