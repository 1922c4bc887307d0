package dev.trawl.store;

import java.sql.Connection;
import java.time.InstantSource;

/**
 * A {@link PageStore} in one SQLite file, in WAL mode. Any number of threads may call {@link #write}; one
 * platform thread owns the writing connection and commits their records in batches. Reads use short-lived
 * connections of their own. Create with {@link Stores#open}.
 */
public final class SqlitePageStore extends QueuedPageStore {
    private final Connection connection;
    private final LocalFrontier coordination;

    private SqlitePageStore(SqliteFile file, Connection connection, SqliteSettings settings, InstantSource clock) {
        super(new WriteQueue(file.path(), () -> new BatchStatements(connection, Dialect.SQLITE),
                        settings.batching(), clock, SqliteErrors::reason),
                new StoreReads(file.path(), file::openReader, SqliteErrors::reason, Dialect.SQLITE));
        this.connection = connection;
        this.coordination = new LocalFrontier(writes, Dialect.SQLITE);
    }

    /**
     * Opens or creates the database at path and migrates it to the current schema.
     *
     * @throws StoreException "cannot open database PATH: reason"
     */
    static SqlitePageStore open(String path, SqliteSettings settings, InstantSource clock) {
        SqliteFile file = new SqliteFile(path, settings);
        return new SqlitePageStore(file, file.openWriter(), settings, clock);
    }

    @Override
    public Coordination coordination() {
        return coordination;
    }

    /** Idempotent. Throws the writer's failure, if it had one, after releasing the database. */
    @Override
    public void close() {
        if (!writes.stop()) {
            return;
        }
        Cleanup.close(connection);
        writes.throwIfFailed();
    }
}
