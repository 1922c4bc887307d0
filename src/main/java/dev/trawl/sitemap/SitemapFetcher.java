package dev.trawl.sitemap;

import java.util.Objects;

/**
 * Fetches one sitemap for a {@link SitemapDiscovery} walk. The crawl plugs in its own fetcher, which goes through
 * the same politeness, robots.txt, deadline and body-size limits as pages; tests plug in the JDK HttpClient.
 */
@FunctionalInterface
public interface SitemapFetcher {

    /** Never throws for a failed fetch (that is a {@link Fetched.Failed}); only for interruption. */
    Fetched fetch(String url) throws InterruptedException;

    /** The outcome of one sitemap fetch. */
    sealed interface Fetched {
        /**
         * A 2xx answer. finalUrl: the URL that answered, after redirects. body: as received, Content-Encoding
         * decoded (a gzip file stays gzip); it lives only until the sitemap is read.
         */
        record Body(String finalUrl, String contentType, byte[] body) implements Fetched {
            public Body {
                Objects.requireNonNull(finalUrl, "finalUrl");
                Objects.requireNonNull(body, "body");
            }
        }

        /** No usable answer; reason is one line, e.g. "http 404" or "timeout". */
        record Failed(String reason) implements Fetched {
            public Failed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
