package dev.trawl.store;

import dev.trawl.url.DedupKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 4's Java step: fills frontier.url_key (and frontier.host where a SQLite file written before version 3
 * left it empty) for the rows a database already has, before the unique index on url_key is created. Reads in id
 * order, a chunk at a time, so that neither memory nor one statement grows with the frontier.
 *
 * <p>Rows written before version 4 may share a key (URLs that differ only in a session id were two rows): the first
 * by id keeps the key, the others keep a null key, which the unique index allows, so nothing stored is lost or
 * merged; they are simply not de-duplication representatives.
 */
final class UrlKeyBackfill {
    /** The marker {@link Schema} puts among a migration's SQL steps where this step runs. */
    static final String STEP = "-- java: UrlKeyBackfill";
    private static final int CHUNK = 10_000;

    private UrlKeyBackfill() {}

    private record Row(long id, String url, String host) {}

    static void run(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                     "SELECT id, url, host FROM frontier WHERE id > ? ORDER BY id LIMIT " + CHUNK);
             PreparedStatement write = connection.prepareStatement("UPDATE frontier SET url_key = ?, host = ?"
                     + " WHERE id = ? AND NOT EXISTS (SELECT 1 FROM frontier WHERE url_key = ?)");
             PreparedStatement hostOnly = connection.prepareStatement("UPDATE frontier SET host = ? WHERE id = ?")) {
            long after = 0;
            while (true) {
                List<Row> rows = chunk(read, after);
                if (rows.isEmpty()) return;
                for (Row row : rows) {
                    String key = DedupKey.of(row.url());
                    String host = row.host() != null ? row.host() : FrontierEntry.hostOf(row.url());
                    write.setString(1, key);
                    setText(write, 2, host);
                    write.setLong(3, row.id());
                    write.setString(4, key);
                    if (write.executeUpdate() == 0) { // a duplicate under the new key: no key, host as any row
                        setText(hostOnly, 1, host);
                        hostOnly.setLong(2, row.id());
                        hostOnly.executeUpdate();
                    }
                }
                after = rows.getLast().id();
            }
        }
    }

    private static List<Row> chunk(PreparedStatement read, long after) throws SQLException {
        read.setLong(1, after);
        List<Row> rows = new ArrayList<>(CHUNK);
        try (ResultSet rs = read.executeQuery()) {
            while (rs.next()) rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
        return rows;
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) ps.setNull(index, Types.VARCHAR);
        else ps.setString(index, value);
    }
}
