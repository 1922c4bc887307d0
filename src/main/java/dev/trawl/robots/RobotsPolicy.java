package dev.trawl.robots;

/** Turns a robots.txt fetch into {@link RobotsRules}, per RFC 9309. Thread-safe. STUB. */
public final class RobotsPolicy {
    /** userAgent is the full User-Agent header; its product token (e.g. "trawl") is what robots.txt groups match. */
    public RobotsPolicy(String userAgent) {
        throw new UnsupportedOperationException("stub");
    }

    /** Rules from a robots.txt that answered 2xx. robotsUrl is e.g. "http://host/robots.txt". */
    public RobotsRules fromBody(String robotsUrl, byte[] body, String contentType) {
        throw new UnsupportedOperationException("stub");
    }

    /** Rules when robots.txt answered with this non-2xx status: 4xx allows all, 5xx disallows all. */
    public RobotsRules fromStatus(int status) {
        throw new UnsupportedOperationException("stub");
    }

    /** Rules when robots.txt could not be fetched at all (timeout, connect, dns): disallow all. */
    public RobotsRules unreachable() {
        throw new UnsupportedOperationException("stub");
    }

    /** Rules that allow everything (for --ignore-robots). */
    public static RobotsRules allowAll() {
        throw new UnsupportedOperationException("stub");
    }
}
