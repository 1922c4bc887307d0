package dev.trawl.export;

import dev.trawl.store.ExportRow;
import java.io.IOException;

/** One export format's encoder. Writes to a stream it does not own. */
interface RowWriter {
    /** Anything that comes before the first row (a header). */
    void begin() throws IOException;

    void write(ExportRow row) throws IOException;

    /** Pushes buffered bytes to the stream, without closing it. */
    void finish() throws IOException;
}
