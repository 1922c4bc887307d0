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

    /**
     * Writes the stored bodies (--store-bodies) as a gzip WARC/1.1 stream named filename in its warcinfo record, and
     * returns how many responses were written. Bodies that inflate past maxBody are cut and marked truncated.
     */
    public static long writeWarc(PageStore store, OutputStream out, String filename, long maxBody) throws IOException {
        return StoredWarc.write(store, out, filename, maxBody);
    }

    /** As {@link #write(PageStore, ExportFormat, OutputStream)}, of the selected rows only. */
    public static long write(PageStore store, ExportFormat format, PageReads.Selection selection, OutputStream out)
            throws IOException {
        RowWriter writer = switch (format) {
            case JSONL -> new JsonlExporter(out);
            case CSV -> new CsvExporter(out, store.fieldNames());
            case WARC -> throw new IllegalArgumentException("WARC is written by writeWarc, from stored bodies");
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
