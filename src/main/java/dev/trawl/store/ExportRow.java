package dev.trawl.store;

import java.util.List;

/**
 * One attempted URL as read back for export: a value per field of {@link PageColumns#EXPORTED}, in that order
 * (String, Integer or null; a TIME field as its stored ISO-8601 text, JSON fields as stored JSON text).
 */
public record ExportRow(List<Object> values) {
    /** The value of the field at this position of {@link PageColumns#EXPORTED}. */
    public Object value(int field) {
        return values.get(field);
    }

    /** The value of the field of this name; for tests and callers that want one field. */
    public Object value(String name) {
        for (int i = 0; i < PageColumns.EXPORTED.size(); i++) {
            if (PageColumns.EXPORTED.get(i).name().equals(name)) return values.get(i);
        }
        throw new IllegalArgumentException("no export field " + name);
    }
}
