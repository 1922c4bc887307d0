package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The store's read side. Each call opens its own connection: SQLite connections must not be shared between
 * threads mid-statement, and in WAL mode a reader sees one consistent snapshot without blocking the writer.
 */
final class SqliteReads {
    /** Rows travel from a forward-only cursor straight to the sink; this is a hint for drivers that buffer. */
    private static final int FETCH_SIZE = 512;

    private static final String EXPORT_SQL = "SELECT f.url, p.final_url, p.status, f.depth, p.content_type,"
            + " p.title, p.error, p.fetched_at, COALESCE(l.targets, '[]')"
            + " FROM pages p JOIN frontier f ON f.id = p.frontier_id"
            + " LEFT JOIN links l ON l.frontier_id = p.frontier_id ORDER BY p.frontier_id";

    private final SqliteFile file;

    SqliteReads(SqliteFile file) {
        this.file = file;
    }

    void loadFrontier(PageStore.FrontierVisitor visitor) {
        query("SELECT url, depth, state FROM frontier ORDER BY id",
                rs -> visitor.visit(rs.getString(1), rs.getInt(2), rs.getInt(3) == 1));
    }

    long countAttempted() {
        long[] count = {0};
        query("SELECT COUNT(*) FROM pages", rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    void exportRows(Consumer<ExportRow> sink) {
        query(EXPORT_SQL, rs -> sink.accept(exportRow(rs)));
    }

    private static ExportRow exportRow(ResultSet rs) throws SQLException {
        int status = rs.getInt(3);
        Integer boxedStatus = rs.wasNull() ? null : status;
        return new ExportRow(rs.getString(1), rs.getString(2), boxedStatus, rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Timestamps.parse(rs.getString(8)), rs.getString(9));
    }

    /** Runs sql and hands each row to handler; exceptions thrown by handler pass through unchanged. */
    private void query(String sql, RowHandler handler) {
        try (Connection connection = file.openReader();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read from " + file.path() + ": " + SqliteErrors.reason(e), e);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }
}
