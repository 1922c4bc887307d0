package dev.trawl.store;

import java.sql.SQLException;

/** Turns driver exceptions into the short lower-case reason that ends a user-facing message. */
final class SqliteErrors {
    private SqliteErrors() {}

    /**
     * sqlite-jdbc messages look like {@code [SQLITE_FULL] Insertion failed (database or disk is full)}; the part
     * in parentheses is SQLite's own wording, which users can search for, so prefer it.
     */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse(message);
        if (failure instanceof SQLException && line.endsWith(")")) {
            int open = line.lastIndexOf('(');
            if (open >= 0 && open < line.length() - 2) {
                return line.substring(open + 1, line.length() - 1);
            }
        }
        return line.startsWith("[") && line.contains("] ") ? line.substring(line.indexOf("] ") + 2) : line;
    }
}
