package dev.trawl.store;

import dev.trawl.url.DedupKey;
import dev.trawl.url.Urls;

/**
 * A URL known to the crawl: pending until its {@link PageRecord} is stored, then done. The row is unique by the URL's
 * de-duplication key ({@link DedupKey}); {@code url} is the request form, what is fetched.
 *
 * @param url       the URL in request form
 * @param depth     hops from a seed
 * @param requested already requested as a redirect hop of another URL: stored as done (and a pending row of the
 *                  same key is marked done), so that a later link to it is not fetched again
 */
public record FrontierEntry(String url, int depth, boolean requested) {

    /** A URL discovered and not requested yet. */
    public FrontierEntry(String url, int depth) {
        this(url, depth, false);
    }

    /** The host a frontier row is filed under (its politeness key, see {@link Urls#host}); null if url has none. */
    static String hostOf(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0 || scheme + 3 >= url.length()) {
            return null; // not a canonical URL (only hand-made test data): claimed by no host lease
        }
        return Urls.host(url);
    }

    /** The row's unique key. */
    static String keyOf(String url) {
        return DedupKey.of(url);
    }
}
