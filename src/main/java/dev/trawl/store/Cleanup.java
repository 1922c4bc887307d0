package dev.trawl.store;

import java.sql.Connection;
import java.sql.Statement;

/** Best-effort cleanup after a failure, where the failure and not the cleanup is what the user must see. */
final class Cleanup {
    private Cleanup() {}

    /** Rolls back the open transaction, ignoring errors: the database may have rolled back already, or be gone. */
    static void rollback(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (Exception ignored) {
            // The failure that brought us here is the one worth reporting.
        }
    }

    /** Rolls back the connection's transaction, ignoring errors. */
    static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (Exception ignored) {
            // As above; a broken connection is closed next and the pool discards it.
        }
    }

    /** Closes resource if there is one, ignoring errors. */
    static void close(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // Closing after a failure, or a connection that is already broken.
        }
    }
}
