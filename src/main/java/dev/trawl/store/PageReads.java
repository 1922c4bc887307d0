package dev.trawl.store;

import java.util.List;
import java.util.function.Consumer;

/** The read role of a store: what was attempted, for counts and exports. */
public interface PageReads {
    /** Number of URLs attempted and stored (pages table rows, less the skip rows of trap rules). */
    long countAttempted();

    /** Streams every attempted URL in discovery order, in constant memory. */
    default void exportRows(Consumer<ExportRow> sink) {
        exportRows(Selection.ALL, sink);
    }

    /** Streams the selected rows, in constant memory. */
    void exportRows(Selection selection, Consumer<ExportRow> sink);

    /** Which rows an export holds. */
    enum Selection {
        /** every attempted URL, in discovery order */
        ALL,
        /** the pages whose payload digest another page shares (identical content), grouped by digest */
        DUPLICATES
    }

    /**
     * Streams the pages kept with --store-bodies whose frontier id is above afterId, in id order, in constant memory.
     */
    void storedPages(long afterId, Consumer<StoredPage> sink);

    /**
     * A page's stored response, as `trawl extract` and `export --format warc` read it. fetchedAtText is the stored
     * fetched_at, parsed only by {@link #fetchedAt()} (extraction never needs it).
     */
    record StoredPage(long id, String url, String finalUrl, String fetchedAtText, StoredBody body) {
        public java.time.Instant fetchedAt() {
            return Timestamps.parse(fetchedAtText);
        }
    }

    /** The value of a meta key, or null. */
    String meta(String key);

    /**
     * The latest response stored for the URL (frontier key, request form), or null when none is (never fetched, or
     * only an error). One indexed read: a recrawl makes it once per request, holding nothing for the whole crawl.
     */
    PreviousFetch previousFetch(String url);

    /**
     * Whether a URL stored with a response is pending again: a recrawl's (this run's, or an earlier run's that
     * stopped before its end, or another worker's), whose requests are then made conditional. Stops at the first.
     */
    boolean recrawlPending();

    /** The names of the extracted fields stored with any page, sorted, at most 1,000 (CSV's extra columns). */
    List<String> fieldNames();
}
