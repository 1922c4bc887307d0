package dev.trawl.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Turns one batch of write tasks into one transaction: all of them are committed, or none and it throws. Owned
 * and called by the writer thread only, like the connection behind it.
 */
interface BatchCommitter extends AutoCloseable {

    /** Commits the data tasks (pages and pending entries; never barriers or stops); now stamps undated rows. */
    void commit(List<WriteTask> tasks, Instant now) throws SQLException;

    /** Runs work in a transaction of its own on the writing connection; rolls back and throws if it fails. */
    <T> T exclusive(WriteTask.SqlWork<T> work) throws SQLException;

    @Override
    void close() throws SQLException;

    /** Prepares a committer on the writer thread, where its statements will be used. */
    @FunctionalInterface
    interface Opener {
        BatchCommitter open() throws SQLException;
    }
}
