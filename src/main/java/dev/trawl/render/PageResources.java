package dev.trawl.render;

import dev.trawl.fetch.HttpAnswer;

/**
 * Answers the GET requests a rendered page makes (scripts, styles, XHR and fetch(), frames), under the crawl's rules:
 * scope, filters, robots.txt, the SSRF guard, --per-host and --concurrency, --timeout, --max-body. The crawl
 * implements it; {@link Renderer} calls it from a virtual thread per request.
 */
@FunctionalInterface
public interface PageResources {
    /**
     * Requests url for the page and hands the answer to use while its memory is still counted: a
     * {@link HttpAnswer.Response} (any status, the body kept), or a {@link HttpAnswer.Failure} when the request failed.
     *
     * @param deadlineNanos on {@link System#nanoTime()}'s clock: the page's render deadline; a wait for a request
     *                      slot past it is given up
     * @return false, with use not called, when the crawl refuses the request (out of scope, filtered, disallowed by
     *         robots.txt, no request slot before the deadline)
     */
    boolean fetch(String url, long deadlineNanos, AnswerUse use) throws InterruptedException;

    /** What is done with an answer. */
    @FunctionalInterface
    interface AnswerUse {
        void accept(HttpAnswer answer);
    }
}
