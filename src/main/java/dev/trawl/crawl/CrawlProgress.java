package dev.trawl.crawl;

/** A live view of a running crawl: queue and requests in flight now. */
public record CrawlProgress(int queued, int inFlight) {}
