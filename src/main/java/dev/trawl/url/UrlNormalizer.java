package dev.trawl.url;

/**
 * Puts URLs in the canonical form used for dedup and fetching. Stateless and thread-safe.
 * STUB: the url helper replaces this file.
 */
public final class UrlNormalizer {
    public UrlNormalizer() {}

    /** The canonical form of an absolute http(s) URL, or null when it is not a valid absolute http or https URL. */
    public String normalize(String absoluteUrl) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Resolves an href as found in HTML (relative or absolute, maybe with surrounding whitespace) against an
     * absolute base URL and normalizes the result; null for non-http(s) schemes (mailto:, javascript:, tel:,
     * data:, ...) and for anything that cannot be parsed.
     */
    public String resolve(String base, String href) {
        throw new UnsupportedOperationException("stub");
    }
}
