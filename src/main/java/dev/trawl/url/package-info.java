/**
 * URL canonicalisation, crawl scope and include/exclude filters.
 *
 * <p>Everything here works on canonical URL strings as produced by {@link dev.trawl.url.UrlNormalizer}. No method
 * returns or accepts null unless its javadoc says so; the normaliser returns null for URLs it rejects instead of
 * throwing, because a bad link on a page is data, not an error.
 */
package dev.trawl.url;
