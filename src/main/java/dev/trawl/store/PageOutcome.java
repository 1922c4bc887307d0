package dev.trawl.store;

import dev.trawl.parse.ParsedPage;
import java.util.List;

/**
 * What became of one URL, decided once by the crawl and mapped to a row once, by {@link PageColumns}. A page is
 * fetched (a response that is its outcome, 2xx to 5xx), redirected (a 3xx not followed here), failed (no usable
 * response), denied (robots.txt) or skipped (a trap rule or budget refused it: nothing was requested); on a
 * recrawl, also not modified (a 304 to its conditional request).
 */
public sealed interface PageOutcome {

    /**
     * A response is the outcome.
     *
     * @param page   what the parser found, or null when the body was not HTML or not kept
     * @param fields extracted fields as a JSON object, or null when no extraction rule applied
     * @param body   the response as received, kept with --store-bodies; else null
     * @param rendered the page was loaded in headless Chromium (--render) and page and fields come from its DOM
     */
    record Fetched(Reply reply, ParsedPage page, String fields, StoredBody body, boolean rendered)
            implements PageOutcome {
        public Fetched(Reply reply, ParsedPage page) {
            this(reply, page, null, null, false);
        }
    }

    /**
     * A redirect recorded as the outcome: its target was out of scope, refused, already known, or handed to the
     * shared frontier.
     *
     * @param location the resolved target, recorded as the page's outlink; null when the Location was unusable
     */
    record Redirected(Reply reply, String location) implements PageOutcome {}

    /**
     * No usable response.
     *
     * @param error   the error code (timeout, connect, too_large, redirect_loop, internal, ...; see FetchError)
     * @param lastUrl the URL last requested when a redirect chain was given up (loop, too many), else null
     */
    record Failed(String error, String lastUrl) implements PageOutcome {
        /** A bug met on one page: recorded, and the crawl goes on. */
        public static final String INTERNAL = "internal";

        public Failed(String error) {
            this(error, null);
        }
    }

    /**
     * A 304 Not Modified to a recrawl's conditional request: the stored page stands. Its row keeps the earlier
     * response's status, title, fields, digest and links; only the fetch facts (time, elapsed, validators, change)
     * are updated, and the fetch history records the 304. See {@link PageColumns#REFRESHED_WHEN_NOT_MODIFIED}.
     */
    record NotModified(Reply reply) implements PageOutcome {}

    /** robots.txt disallows the URL; nothing was requested. */
    record Denied() implements PageOutcome {
        public static final String CODE = "robots";
    }

    /** A trap rule or the host budget refused the URL; nothing was requested. reason: the skip code. */
    record Skipped(String reason) implements PageOutcome {}

    /**
     * The last response of a fetched or redirected URL.
     *
     * @param finalUrl      the URL that gave it, after the redirects followed
     * @param contentType   the Content-Type header, or null
     * @param bodyBytes     decoded body size in bytes (0 when none was read)
     * @param elapsedMillis from the first request's start to the end of the body, all hops and retries included
     * @param digest        the SHA-1 of the payload as WARC writes it ({@code sha1:} + base32; the body as received,
     *                      content coding kept), or null when the body was not read
     * @param validators    its ETag and Last-Modified, for a later recrawl's conditional request
     */
    record Reply(String finalUrl, int status, String contentType, long bodyBytes, long elapsedMillis, String digest,
                 Validators validators) {
        public Reply {
            if (validators == null) validators = Validators.NONE;
        }

        public Reply(String finalUrl, int status, String contentType, long bodyBytes, long elapsedMillis, String digest) {
            this(finalUrl, status, contentType, bodyBytes, elapsedMillis, digest, Validators.NONE);
        }
    }

    /** The last response, or null when none came (failed, denied, skipped). */
    default Reply reply() {
        return switch (this) {
            case Fetched f -> f.reply();
            case Redirected r -> r.reply();
            case NotModified n -> n.reply();
            case Failed ignored -> null;
            case Denied ignored -> null;
            case Skipped ignored -> null;
        };
    }

    /** The parsed page, or null. */
    default ParsedPage page() {
        return this instanceof Fetched f ? f.page() : null;
    }

    /** The short code stored in {@code error}: null whenever a response is the outcome. */
    default String error() {
        return switch (this) {
            case Fetched ignored -> null;
            case Redirected ignored -> null;
            case NotModified ignored -> null;
            case Failed f -> f.error();
            case Denied ignored -> Denied.CODE;
            case Skipped s -> s.reason();
        };
    }

    /** The links the row records: a page's outlinks, or the target of a redirect. */
    default List<String> outlinks() {
        return switch (this) {
            case Fetched f -> f.page() == null ? List.of() : f.page().outlinks();
            case Redirected r -> r.location() == null ? List.of() : List.of(r.location());
            case NotModified ignored -> List.of(); // its stored links row is kept as it is
            case Failed ignored -> List.of();
            case Denied ignored -> List.of();
            case Skipped ignored -> List.of();
        };
    }

    /**
     * What counts as a failed page, in the summary and in the live counters alike: no usable response, or an error
     * status (4xx, 5xx). Denied and skipped URLs are the crawl's own choice, not failures.
     */
    default boolean isFailure() {
        return this instanceof Failed || reply() != null && reply().status() >= 400;
    }
}
