package dev.trawl.warc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The crawl's WARC archive (issue 11, {@code trawl crawl --warc DIR}): many fetch threads hand it their exchanges,
 * and it writes them as request and response records, or revisit records, into rotating gzip WARC/1.1 files.
 *
 * <p>Threads: each caller encodes its own records (digests, gzip) on its own thread, in parallel, and queues the
 * finished bytes; one platform thread, {@code trawl-warc-writer}, appends them to the file, a batch at a time, and
 * alone owns the files. The queue holds at most {@link WarcArchiveConfig#queueBytes()} of encoded records: a caller
 * that would go past it waits (back-pressure, as with the store's queue).
 *
 * <p>{@link #write} returns once the records are in the file (handed to the OS, not yet forced to disk), so a page
 * the crawl stores after it is in the archive even if the process is then killed: a {@code kill -9} leaves the
 * current file as {@code NAME.warc.gz.open}, complete up to a torn last record, and the next archive opened on the
 * directory cuts it after its last complete record and renames it (see {@link #leftovers()}). A file without the
 * {@code .open} suffix is always complete.
 *
 * <p>When the disk fails, the failing call and every later one throw {@link WarcException}; the file stays {@code .open}.
 */
public final class WarcArchive implements AutoCloseable {
    /** The writer takes at most this many queued captures per batch (one gathering write each). */
    private static final int MAX_BATCH = 256;

    private final Path dir;
    private final RecordEncoder encoder;
    private final WarcFileSet files;
    private final List<LeftoverFile> leftovers;
    private final int queueBytes;
    private final Semaphore queueBudget;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Encoded bytes queued and not yet written, and the most there ever were: what the queue bound is tested on. */
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong mostQueued = new java.util.concurrent.atomic.AtomicLong();
    private boolean closed; // guarded by this
    private volatile WarcException failure;

    /** Queued encoded records; {@code bytes == null} is the writer's signal to stop. */
    private record Pending(byte[] bytes, int permits, CompletableFuture<Void> done) {}

    private WarcArchive(WarcArchiveConfig config, List<LeftoverFile> leftovers) {
        this.dir = config.dir();
        this.encoder = new RecordEncoder(config.maxBodyBytes());
        this.files = new WarcFileSet(config.dir(), config.prefix(), config.maxFileBytes(), config.info(), config.clock());
        this.leftovers = leftovers;
        this.queueBytes = config.queueBytes();
        this.queueBudget = new Semaphore(config.queueBytes());
        this.writer = Thread.ofPlatform().name("trawl-warc-writer").daemon().unstarted(this::writeLoop);
    }

    /**
     * Opens an archive on a directory (creating it): first completes the {@code .open} files a killed crawl left
     * there, then starts the writer. No file is created until the first record.
     *
     * @throws WarcException when the directory cannot be created or read
     */
    public static WarcArchive open(WarcArchiveConfig config) {
        try {
            Files.createDirectories(config.dir());
            Files.delete(Files.createTempFile(config.dir(), ".trawl-probe-", ".tmp")); // not writable: say so now, not at the first page
            WarcArchive archive = new WarcArchive(config, LeftoverRecovery.recover(config.dir(), config.prefix()));
            archive.writer.start();
            return archive;
        } catch (IOException e) {
            throw new WarcException("cannot open WARC directory " + config.dir() + ": " + reason(e), e);
        }
    }

    /**
     * Writes an exchange as a request record (when the request is known) and a response record, and returns once
     * they are in the file. The body is cut at the archive's body bound ({@code WARC-Truncated: length}).
     *
     * @throws WarcException when the archive cannot be written, or is closed
     * @throws InterruptedException when interrupted while waiting for room in the queue or for the writer; the
     *                              records may then still be written
     */
    public void write(WarcExchange exchange) throws InterruptedException {
        submit(encode(() -> encoder.capture(exchange), exchange));
    }

    /**
     * Writes a revisit record for an exchange whose payload is the same as an earlier capture's (its digest equals
     * {@code earlier.payloadDigest()}), or that got a 304 Not Modified; with the request record before it when known.
     * Same contract as {@link #write}.
     */
    public void writeRevisit(WarcExchange exchange, Revisit earlier) throws InterruptedException {
        submit(encode(() -> encoder.revisit(exchange, earlier), exchange));
    }

    /** What {@link #record} wrote for an exchange. */
    public enum Written {
        /** A response record with the payload (and the request record before it). */
        RESPONSE,
        /** A revisit record pointing at the earlier capture (and the request record before it). */
        REVISIT
    }

    /**
     * The recrawl hook: writes an exchange as a revisit of the earlier capture of its URL when it may be one, else
     * as a response. A revisit when the server answered 304 Not Modified (server-not-modified profile), or when the
     * body is complete and its payload digest ({@link PayloadDigest#of(WarcExchange)}) equals
     * {@code previous.payloadDigest()} (identical-payload-digest profile). A cut body is never a revisit: it cannot
     * show that the payload is the same. Same contract as {@link #write}.
     *
     * @param previous the earlier capture of this URL (its URI, WARC-Date and stored payload digest), or null when
     *                 there is none: then always a response
     */
    public Written record(WarcExchange exchange, Revisit previous) throws InterruptedException {
        if (isRevisit(exchange, previous)) {
            writeRevisit(exchange, previous);
            return Written.REVISIT;
        }
        write(exchange);
        return Written.RESPONSE;
    }

    /** {@link #record}'s choice, on its own. */
    static boolean isRevisit(WarcExchange exchange, Revisit previous) {
        if (previous == null) return false;
        if (RecordEncoder.statusOf(exchange.responseHead()) == 304) return true;
        return exchange.truncation() == Truncation.NONE && previous.payloadDigest() != null
                && previous.payloadDigest().equals(PayloadDigest.of(exchange));
    }

    /** What was done, at open, with the {@code .open} files a killed crawl had left in the directory. */
    public List<LeftoverFile> leftovers() {
        return leftovers;
    }

    /**
     * Stops taking records, writes what is queued, and seals the current file (forced to disk, renamed without
     * {@code .open}). Returns the complete files this archive wrote, in order.
     *
     * @throws WarcException when the archive could not be written
     */
    public List<Path> closeAndList() throws InterruptedException {
        synchronized (this) {
            if (!closed) {
                closed = true;
                queue.add(new Pending(null, 0, new CompletableFuture<>()));
            }
        }
        writer.join();
        if (failure != null) {
            throw failure;
        }
        return files.sealed();
    }

    /** {@link #closeAndList()}, for try-with-resources; an interrupt is kept on the thread. */
    @Override
    public void close() {
        try {
            closeAndList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The most encoded bytes that were ever queued at once (for tests of the bound). */
    long mostQueuedBytes() {
        return mostQueued.get();
    }

    private interface Encoding {
        byte[] run() throws IOException;
    }

    private byte[] encode(Encoding encoding, WarcExchange exchange) {
        try {
            return encoding.run();
        } catch (IOException e) {
            // Encoding reads only the caller's arrays: an IOException here is a bug, not the disk.
            throw new IllegalStateException("cannot encode WARC records for " + exchange.targetUri(), e);
        }
    }

    private void submit(byte[] records) throws InterruptedException {
        WarcException failed = failure;
        if (failed != null) {
            throw failed;
        }
        int permits = Math.min(records.length, queueBytes);
        queueBudget.acquire(permits);
        Pending pending = new Pending(records, permits, new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                queueBudget.release(permits);
                throw new WarcException("WARC archive is closed", null);
            }
            queue.add(pending);
        }
        mostQueued.accumulateAndGet(queued.addAndGet(records.length), Math::max);
        try {
            pending.done().get();
        } catch (ExecutionException e) {
            throw (WarcException) e.getCause();
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            batch.clear();
            batch.add(takeUninterruptibly());
            queue.drainTo(batch, MAX_BATCH - 1);
            List<byte[]> units = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                if (pending.bytes() == null) {
                    stop = true;
                } else {
                    units.add(pending.bytes());
                }
            }
            appendAll(units);
            if (stop) {
                sealAll();
            }
            for (Pending pending : batch) {
                queued.addAndGet(pending.bytes() == null ? 0 : -pending.bytes().length);
                queueBudget.release(pending.permits());
                if (failure == null) {
                    pending.done().complete(null);
                } else {
                    pending.done().completeExceptionally(failure);
                }
            }
        }
    }

    private void appendAll(List<byte[]> units) {
        if (failure != null || units.isEmpty()) {
            return;
        }
        try {
            files.append(units);
        } catch (IOException | RuntimeException e) {
            failure = failure("cannot write WARC files in ", e);
        }
    }

    private void sealAll() {
        if (failure != null) {
            files.abandon(); // the file stays .open, complete up to its last whole record, for the next start to recover
            return;
        }
        try {
            files.close();
        } catch (IOException | RuntimeException e) {
            failure = failure("cannot complete WARC files in ", e);
        }
    }

    private WarcException failure(String what, Exception e) {
        return new WarcException(what + dir + ": " + reason(e), e);
    }

    /** The cause in words; the NIO exceptions name only the file, which the message already holds or implies. */
    private static String reason(Exception e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such file or directory: " + x.getFile();
            case java.nio.file.AccessDeniedException x -> "permission denied: " + x.getFile();
            case java.nio.file.FileAlreadyExistsException x -> "exists and is not a directory: " + x.getFile();
            case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason() + ": " + x.getFile();
            default -> String.valueOf(e.getMessage());
        };
    }

    /** The writer is never interrupted by the archive; an interrupt from elsewhere must not lose queued records. */
    private Pending takeUninterruptibly() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
