package dev.trawl.parse;

import dev.trawl.url.UrlNormalizer;

/** Turns the bytes of an HTML page into a {@link ParsedPage}. Thread-safe; CPU-bound. STUB. */
public final class PageParser {
    public PageParser(UrlNormalizer normalizer) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Parses body[0, length). contentType is the Content-Type header or null; pageUrl is the URL the body
     * was served from (after redirects), the base for relative links unless the page has a base href.
     * Never throws on bad input: broken HTML or an unknown charset label still give a page.
     */
    public ParsedPage parse(byte[] body, int length, String contentType, String pageUrl) {
        throw new UnsupportedOperationException("stub");
    }
}
