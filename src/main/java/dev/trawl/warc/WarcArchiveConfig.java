package dev.trawl.warc;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Where and how a {@link WarcArchive} writes.
 *
 * @param dir           the directory of the files (created if missing)
 * @param prefix        the start of every file name: letters, digits, {@code . _ -}
 * @param maxFileBytes  a file is rotated before a capture would take it past this size (--warc-max-size); a single
 *                      capture larger than this gets a file of its own
 * @param maxBodyBytes  a response body longer than this is cut and marked {@code WARC-Truncated: length}; the crawl
 *                      passes its --max-body, so the archive's bound is the fetcher's
 * @param queueBytes    encoded records waiting for the writer thread hold at most this much memory; a fetch thread
 *                      that would go past it waits (back-pressure). One record larger than this waits alone
 * @param info          what the warcinfo record at the start of each file says
 * @param clock         the time in file names and warcinfo records
 */
public record WarcArchiveConfig(Path dir, String prefix, long maxFileBytes, long maxBodyBytes, int queueBytes,
                                WarcInfo info, InstantSource clock) {
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 30;
    public static final long DEFAULT_MAX_BODY_BYTES = 10L << 20;
    public static final int DEFAULT_QUEUE_BYTES = 32 << 20;
    public static final String DEFAULT_PREFIX = "trawl";

    public WarcArchiveConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(clock, "clock");
        if (!prefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("WARC file prefix may hold only letters, digits, '.', '_' and '-': " + prefix);
        }
        if (maxFileBytes < 1 || maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8 || queueBytes < 1) {
            throw new IllegalArgumentException("WARC bounds out of range: max file " + maxFileBytes + ", max body "
                    + maxBodyBytes + ", queue " + queueBytes + " bytes");
        }
    }

    /** The defaults: prefix {@code trawl}, 1 GB files, 10 MB bodies, 32 MB queue, the system clock. */
    public static WarcArchiveConfig defaults(Path dir, WarcInfo info) {
        return new WarcArchiveConfig(dir, DEFAULT_PREFIX, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_BODY_BYTES,
                DEFAULT_QUEUE_BYTES, info, InstantSource.system());
    }

    public WarcArchiveConfig withPrefix(String value) {
        return new WarcArchiveConfig(dir, value, maxFileBytes, maxBodyBytes, queueBytes, info, clock);
    }

    public WarcArchiveConfig withMaxFileBytes(long value) {
        return new WarcArchiveConfig(dir, prefix, value, maxBodyBytes, queueBytes, info, clock);
    }

    public WarcArchiveConfig withMaxBodyBytes(long value) {
        return new WarcArchiveConfig(dir, prefix, maxFileBytes, value, queueBytes, info, clock);
    }

    public WarcArchiveConfig withQueueBytes(int value) {
        return new WarcArchiveConfig(dir, prefix, maxFileBytes, maxBodyBytes, value, info, clock);
    }

    public WarcArchiveConfig withClock(InstantSource value) {
        return new WarcArchiveConfig(dir, prefix, maxFileBytes, maxBodyBytes, queueBytes, info, value);
    }
}
