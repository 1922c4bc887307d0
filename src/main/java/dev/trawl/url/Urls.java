package dev.trawl.url;

/** Parts of a canonical URL (as returned by {@link UrlNormalizer}), without parsing it again in full. STUB. */
public final class Urls {
    private Urls() {}

    /** The host, lower-case, without port; e.g. "example.com" for "http://example.com:8080/a". */
    public static String host(String canonicalUrl) {
        throw new UnsupportedOperationException("stub");
    }

    /** Scheme, host and port as written: "http://example.com:8080" (robots.txt is kept per origin). */
    public static String origin(String canonicalUrl) {
        throw new UnsupportedOperationException("stub");
    }
}
