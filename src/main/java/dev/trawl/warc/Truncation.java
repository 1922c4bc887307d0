package dev.trawl.warc;

/**
 * Why a response body in the archive is shorter than what the server meant to send, as the {@code WARC-Truncated}
 * field names it (WARC/1.1 section 5.13). {@link #NONE}: the body is complete and the field is not written.
 */
public enum Truncation {
    NONE(null),
    /** Cut at the crawl's body limit (--max-body), or at the archive's own record bound. */
    LENGTH("length"),
    /** Cut at the request deadline (--timeout). */
    TIME("time"),
    /** The server closed or reset the connection before the body ended. */
    DISCONNECT("disconnect"),
    UNSPECIFIED("unspecified");

    private final String fieldValue;

    Truncation(String fieldValue) {
        this.fieldValue = fieldValue;
    }

    /** The {@code WARC-Truncated} value; null for {@link #NONE}. */
    String fieldValue() {
        return fieldValue;
    }
}
