package dev.trawl.parse;

/**
 * Turns an href found in a page into an absolute canonical http(s) URL. The seam between the parser and
 * {@link dev.trawl.url.UrlNormalizer}, so the parser can be tested on its own.
 */
@FunctionalInterface
interface LinkResolver {
    /** The canonical absolute http(s) URL of href resolved against base, or null for other schemes and junk. */
    String resolve(String base, String href);
}
