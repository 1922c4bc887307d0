package dev.trawl.store;

import java.time.Duration;

/**
 * A host whose slots this worker has just taken, on a crawl that paces it: whoever held them may have sent a request
 * a moment ago, so the first request here waits {@code firstStartIn}, and requests here keep at least {@code gap} between
 * their starts (--delay, or a robots.txt Crawl-delay another worker learned).
 */
public record TakeOver(Duration firstStartIn, Duration gap) {}
