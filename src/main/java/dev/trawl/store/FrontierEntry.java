package dev.trawl.store;

import dev.trawl.url.Urls;

/** A URL known to the crawl: pending until its {@link PageRecord} is stored, then done. */
public record FrontierEntry(String url, int depth) {

    /** The host a frontier row is filed under (its politeness key, see {@link Urls#host}); null if url has none. */
    static String hostOf(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0 || scheme + 3 >= url.length()) {
            return null; // not a canonical URL (only hand-made test data): claimed by no host lease
        }
        return Urls.host(url);
    }
}
