package dev.trawl.url;

/**
 * Parts of a canonical URL (as returned by {@link UrlNormalizer}), without parsing it again in full: index
 * arithmetic only, so the input must be canonical ("http://" or "https://", then the host).
 */
public final class Urls {
    private Urls() {}

    /**
     * The host, lower-case, without port; e.g. "example.com" for "http://example.com:8080/a". An IPv6 host keeps
     * its brackets ("[::1]"), as java.net.URI#getHost does, so it can be put back into a URL.
     */
    public static String host(String canonicalUrl) {
        int start = hostStart(canonicalUrl);
        if (canonicalUrl.charAt(start) == '[') {
            return canonicalUrl.substring(start, canonicalUrl.indexOf(']', start) + 1);
        }
        int end = start;
        while (end < canonicalUrl.length() && canonicalUrl.charAt(end) != ':' && canonicalUrl.charAt(end) != '/') {
            end++;
        }
        return canonicalUrl.substring(start, end);
    }

    /** Scheme, host and port as written: "http://example.com:8080" (robots.txt is kept per origin). */
    public static String origin(String canonicalUrl) {
        int slash = canonicalUrl.indexOf('/', hostStart(canonicalUrl));
        return slash < 0 ? canonicalUrl : canonicalUrl.substring(0, slash);
    }

    private static int hostStart(String canonicalUrl) {
        return canonicalUrl.indexOf(':') + 3;
    }
}
