package dev.trawl.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns pgjdbc and HikariCP exceptions into the short lower-case reason that ends a user-facing message. pgjdbc
 * wraps network failures (its own message then says little: "The connection attempt failed."), and HikariCP wraps
 * pgjdbc, so this looks down the cause chain for the most telling one.
 */
final class PostgresErrors {
    /** SQLSTATE class 08: the connection failed or broke (08001 cannot connect, 08006 lost, 08003 closed). */
    private static final String CONNECTION_CLASS = "08";
    /** SQLSTATE class 57: the server shut the session down (57P01 terminated by an admin, 57P02/3 crash, startup). */
    private static final String OPERATOR_INTERVENTION_CLASS = "57";

    private PostgresErrors() {}

    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String known = networkReason(t);
            if (known != null) {
                return known;
            }
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return serverReason(p.getServerErrorMessage());
            }
        }
        SQLException sql = firstSqlException(failure);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_CLASS)) {
            return "lost the connection to the server (" + sentence(sql.getMessage()) + ")";
        }
        return sentence((sql != null ? sql : failure).getMessage());
    }

    private static String networkReason(Throwable t) {
        return switch (t) {
            case UnknownHostException u -> "unknown host " + u.getMessage();
            case ConnectException _ -> "connection refused";
            case NoRouteToHostException _ -> "no route to host";
            case SocketTimeoutException _ -> "no answer from the server in time";
            default -> null;
        };
    }

    private static String serverReason(ServerErrorMessage server) {
        String message = server.getMessage() == null ? "unknown server error" : server.getMessage();
        String state = server.getSQLState() == null ? "" : server.getSQLState();
        if (state.startsWith(OPERATOR_INTERVENTION_CLASS)) {
            return "the server closed the connection (" + message + ")";
        }
        return message;
    }

    private static SQLException firstSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** pgjdbc's own messages are capitalised sentences; ours are lower-case clauses without a full stop. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse(message).strip();
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        boolean acronym = line.length() > 1 && Character.isUpperCase(line.charAt(1));
        return acronym ? line : Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }
}
