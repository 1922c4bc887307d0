package dev.trawl.fetch;

/**
 * Hears every HTTP exchange a {@link Fetcher} makes that got a response head (pages, redirect hops, error statuses,
 * each retry's answer, robots.txt), with the exact bytes: the seam an archive (WARC) plugs into. Given to the
 * Fetcher only when something records; without one, the transports capture nothing and pay nothing.
 *
 * <p>Called on the requesting thread, after the response is read (or cut off: too long, too slow, connection lost)
 * and the connection is released, before {@link Fetcher#get} returns: so whatever the caller does with the answer
 * (store the page) happens after the sink returned. A sink may block (back-pressure from a slow disk): the request
 * waits. A transport that captures (every one trawl has; an HTTP/2 one too) keeps the bytes charged to the page's
 * {@link dev.trawl.memory.MemoryBudget} claim while the sink runs, reads bodies it would otherwise drop (up to
 * --max-body) so that they can be recorded, and does not stop early at a Content-Length over --max-body: it reads
 * up to the limit and reports the body as {@link CapturedExchange.Cut#LENGTH}.
 *
 * <p>A RuntimeException from the sink (the archive's disk is full) leaves {@link Fetcher#get} as it is: it is the
 * crawl's failure, not the page's.
 */
@FunctionalInterface
public interface ExchangeSink {
    void captured(CapturedExchange exchange) throws InterruptedException;
}
