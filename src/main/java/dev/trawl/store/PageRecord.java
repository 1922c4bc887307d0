package dev.trawl.store;

import java.time.Instant;
import java.util.List;

/**
 * The result of attempting one URL, as the store persists it, together with the URLs it added to the frontier.
 * Written in one transaction, so a crash either keeps both or neither.
 *
 * @param url         canonical URL attempted
 * @param depth       hops from a seed (seed = 0)
 * @param finalUrl    URL that gave the last response, after redirects; null when no response came
 * @param status      HTTP status of the last response; null when no response came
 * @param contentType Content-Type header, or null
 * @param title       page title, or null
 * @param error       short error code (timeout, connect, robots, ...); null whenever a response arrived
 * @param fetchedAt   when the attempt finished
 * @param description meta description, or null
 * @param canonical   rel=canonical URL, or null
 * @param language    html lang, or null
 * @param charset     charset the body was decoded with, or null
 * @param bodyBytes   decoded body size in bytes (0 when none was read)
 * @param elapsedMillis time from first request start to the end of the body, all hops and retries included
 * @param outlinks    every link found on the page (canonical, in scope or not)
 * @param discovered  links new to the crawl, to be stored as pending frontier entries
 * @param linksCut    links the page had past the parser's limits, in neither outlinks nor discovered
 */
public record PageRecord(
        String url,
        int depth,
        String finalUrl,
        Integer status,
        String contentType,
        String title,
        String error,
        Instant fetchedAt,
        String description,
        String canonical,
        String language,
        String charset,
        long bodyBytes,
        long elapsedMillis,
        List<String> outlinks,
        List<FrontierEntry> discovered,
        int linksCut) {
    public PageRecord {
        outlinks = List.copyOf(outlinks);
        discovered = List.copyOf(discovered);
        if (linksCut < 0) throw new IllegalArgumentException("linksCut must be >= 0, got " + linksCut);
    }

    /** A record of a page whose links were all kept. */
    public PageRecord(String url, int depth, String finalUrl, Integer status, String contentType, String title,
                      String error, Instant fetchedAt, String description, String canonical, String language,
                      String charset, long bodyBytes, long elapsedMillis, List<String> outlinks,
                      List<FrontierEntry> discovered) {
        this(url, depth, finalUrl, status, contentType, title, error, fetchedAt, description, canonical, language,
                charset, bodyBytes, elapsedMillis, outlinks, discovered, 0);
    }

    /**
     * What the record holds in memory, roughly, with its links' JSON: what the write queue counts against its bound.
     * Strings of one byte per character (URLs are ASCII), two for the free text.
     */
    long estimatedBytes() {
        long bytes = 512 + 2L * (length(title) + length(description)) + length(url) + length(finalUrl)
                + length(contentType) + length(canonical);
        for (String link : outlinks) {
            bytes += 2L * link.length() + 56; // the string, its quoted copy in the JSON, list slots
        }
        for (FrontierEntry entry : discovered) {
            bytes += 48; // the entry and its slot; the URL is one of the outlinks'
        }
        return bytes;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
