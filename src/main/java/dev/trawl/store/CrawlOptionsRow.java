package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The crawl's options, stored once in {@code meta} (key {@value #KEY}) as the text the crawl package encodes. */
final class CrawlOptionsRow {
    static final String KEY = "crawl_options";

    private CrawlOptionsRow() {}

    static String read(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Inserts options unless a row is there (no update, so the first writer wins), then reads what is stored. */
    static String offer(Connection connection, String options) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
            ps.setString(1, KEY);
            ps.setString(2, options);
            ps.executeUpdate();
        }
        return read(connection);
    }
}
