package dev.trawl.fetch;

import java.time.Duration;

/**
 * How requests are made.
 *
 * @param timeout whole-request deadline: connect, headers and the full body
 * @param maxBody largest body, in decoded bytes, that is read; larger ones are abandoned as too_large
 */
public record FetchSettings(String userAgent, Duration timeout, long maxBody) {
    public FetchSettings {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        if (maxBody < 1) throw new IllegalArgumentException("maxBody must be >= 1, got " + maxBody);
    }
}
