package dev.trawl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** Writes re-extracted fields and the progress that goes with them (`trawl extract`), in the caller's transaction. */
final class StoredFields {
    private StoredFields() {}

    static void save(Connection c, Map<Long, String> fieldsById, String metaKey, String metaValue) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE pages SET fields = ? WHERE frontier_id = ?");
             PreparedStatement meta = c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)"
                     + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<Long, String> page : fieldsById.entrySet()) {
                update.setString(1, page.getValue());
                update.setLong(2, page.getKey());
                update.addBatch();
            }
            update.executeBatch();
            meta.setString(1, metaKey);
            meta.setString(2, metaValue);
            meta.executeUpdate();
        }
    }
}
