package dev.trawl.export;

import dev.trawl.store.PageReads;
import dev.trawl.store.PageStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes a store's attempted URLs in an export format, streaming. */
public final class Exports {
    private Exports() {}

    /**
     * Writes one record per attempted URL to out (UTF-8), in discovery order, and returns how many were written.
     * Memory use does not grow with the number of rows. Does not close out.
     *
     * @throws IOException when out cannot be written
     * @throws dev.trawl.store.StoreException when the store cannot be read
     */
    public static long write(PageStore store, ExportFormat format, OutputStream out) throws IOException {
        return write(store, format, PageReads.Selection.ALL, out);
    }

    /** As {@link #write(PageStore, ExportFormat, OutputStream)}, of the selected rows only. */
    public static long write(PageStore store, ExportFormat format, PageReads.Selection selection, OutputStream out)
            throws IOException {
        RowWriter writer = switch (format) {
            case JSONL -> new JsonlExporter(out);
            case CSV -> new CsvExporter(out, store.fieldNames());
        };
        writer.begin();
        long[] count = {0};
        try {
            store.exportRows(selection, row -> {
                try {
                    writer.write(row);
                    count[0]++;
                } catch (IOException e) {
                    // The store's callback cannot throw checked exceptions; unwrapped again just below.
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.finish();
        return count[0];
    }
}
