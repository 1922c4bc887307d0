package dev.trawl.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again: exponential backoff with full jitter (base · 2^attempt, randomised), unless the server
 * said when with Retry-After, as seconds or as an HTTP-date. Waits are capped so that one bad server
 * cannot stall a crawl.
 */
public final class RetryPolicy {
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private final int retries;
    private final Duration base;
    private final RandomGenerator random;

    public RetryPolicy(int retries, Duration base, RandomGenerator random) {
        if (retries < 0) throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        this.retries = retries;
        this.base = base;
        this.random = random;
    }

    /** Whether an item that has had {@code attempt} retries (0 for the first try) may have another. */
    public boolean mayRetry(int attempt) {
        return attempt < retries;
    }

    /** Wait before retry number attempt+1. */
    public Duration backoff(int attempt) {
        long ceiling = base.toMillis() << Math.min(attempt, 20);
        long millis = ceiling / 2 + random.nextLong(ceiling / 2 + 1); // "equal jitter": never much shorter than half
        return min(Duration.ofMillis(millis), MAX_WAIT);
    }

    /** The wait a Retry-After header asks for, if it is valid: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) return Optional.empty();
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(min(Duration.ofSeconds(seconds), MAX_WAIT));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait, MAX_WAIT));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
