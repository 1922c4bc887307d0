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
        List<FrontierEntry> discovered) {
    public PageRecord {
        outlinks = List.copyOf(outlinks);
        discovered = List.copyOf(discovered);
    }
}
