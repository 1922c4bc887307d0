package dev.trawl.crawl;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The crawl's clocks for unit tests: the wall clock (an {@link InstantSource}), the monotonic one (the scheduler's
 * nanoTime) and a {@link Sleeper} that notes each wait and moves both clocks on by it. Nothing moves unless a test
 * says so: no real waiting.
 */
final class TestTime implements InstantSource {
    static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private volatile long nanos = 1_000_000_000L;
    private volatile Instant now = START;
    private final List<Duration> slept = new CopyOnWriteArrayList<>();

    synchronized void advance(Duration d) {
        nanos += d.toNanos();
        now = now.plus(d);
    }

    long nanoTime() {
        return nanos;
    }

    @Override
    public Instant instant() {
        return now;
    }

    Sleeper sleeper() {
        return d -> {
            slept.add(d);
            advance(d);
        };
    }

    List<Duration> slept() {
        return List.copyOf(slept);
    }
}
