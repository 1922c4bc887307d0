package dev.trawl.warc;

import java.time.Instant;
import java.util.Objects;

/**
 * The earlier capture a revisit record points at: its target URI and WARC-Date, and its payload digest
 * ({@code sha1:...}, as {@link PayloadDigest} gives and the crawl stores per page). The digest may be null only for
 * a 304 Not Modified revisit.
 */
public record Revisit(String refersToTargetUri, Instant refersToDate, String payloadDigest) {
    public Revisit {
        Objects.requireNonNull(refersToTargetUri, "refersToTargetUri");
        Objects.requireNonNull(refersToDate, "refersToDate");
        if (refersToTargetUri.isEmpty() || refersToTargetUri.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("refersToTargetUri is empty or holds a space or control character: "
                    + refersToTargetUri.strip());
        }
    }
}
