package dev.trawl.store;

import java.util.List;
import java.util.function.Consumer;

/** The read role of a store: what was attempted, for counts and exports. */
public interface PageReads {
    /** Number of URLs attempted and stored (pages table rows, less the skip rows of trap rules). */
    long countAttempted();

    /** Streams every attempted URL in discovery order, in constant memory. */
    void exportRows(Consumer<ExportRow> sink);

    /** The names of the extracted fields stored with any page, sorted, at most 1,000 (CSV's extra columns). */
    List<String> fieldNames();
}
