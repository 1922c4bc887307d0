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
    /** SQLSTATE 08006 and 08003: a connection that worked broke, or was closed under us. */
    private static final String CONNECTION_FAILURE = "08006";
    private static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** SQLSTATE 08004: pgjdbc refused to go on, e.g. the server wants a password and there is none. */
    private static final String CONNECTION_REJECTED = "08004";
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
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String reason = sentence((sql != null ? sql : failure).getMessage());
        if (state.equals(CONNECTION_FAILURE) || state.equals(CONNECTION_DOES_NOT_EXIST)) {
            return "lost the connection to the server (" + reason + ")";
        }
        if (state.equals(CONNECTION_REJECTED) && reason.contains("password")) {
            return reason + " (give it in the URL, in PGPASSWORD or in ~/.pgpass)";
        }
        return reason;
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
