package dev.trawl.parse;

/**
 * Hears which reader each page went through, for the crawl's counters. Called from the parse threads at once:
 * implementations must be thread-safe and quick.
 */
public interface ParseListener {
    /** A page was read by the tag scanner alone. */
    default void scanned() {}

    /** A page was read by jsoup's tree builder, for this reason. */
    default void fellBack(JsoupFallback reason) {}

    ParseListener NONE = new ParseListener() {};
}
