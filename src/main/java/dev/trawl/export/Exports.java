package dev.trawl.export;

import dev.trawl.store.PageStore;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a store's attempted URLs in an export format, streaming. STUB: the store helper replaces this file. */
public final class Exports {
    private Exports() {}

    /** Writes one record per attempted URL to out (UTF-8) and returns how many were written. Does not close out. */
    public static long write(PageStore store, ExportFormat format, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
