package dev.trawl.stats;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One process's live counters in a memory-mapped file, in the spirit of Aeron's CnC file: a header (magic,
 * version, pid, crawl id, start time, heartbeat), then one 64-bit slot per counter, each on its own cache
 * line so that writers of different counters never share one.
 *
 * <p>Writers update slots with atomic adds (no locks, no lost updates); readers in other processes map the
 * same file read-only and take volatile reads, so they never block a writer. The file is fully written
 * under a temporary name and then renamed into place: a reader never sees a half-made header.
 */
final class CountersFile {
    static final String SUFFIX = ".counters";
    static final long MAGIC = 0x544e_434c_5741_5254L; // "TRAWLCNT" read as a little-endian long
    static final int VERSION = 1;
    static final int STATE_RUNNING = 1;
    static final int STATE_FINISHED = 2;

    private static final long VERSION_AT = 8;
    private static final long STATE_AT = 12;
    private static final long PID_AT = 16;
    private static final long START_AT = 24;
    private static final long HEARTBEAT_AT = 32;
    private static final long METRICS_PORT_AT = 40;
    private static final long CRAWL_ID_LENGTH_AT = 44;
    private static final long KINDS_LENGTH_AT = 48;
    private static final long SLOT_COUNT_AT = 52;
    /** Added in place of 4 unused header bytes: files of older builds have 0 there, and no parse counters. */
    private static final long FALLBACKS_LENGTH_AT = 56;
    private static final long CRAWL_ID_AT = 64;
    private static final int CRAWL_ID_MAX = 1024;
    private static final long KINDS_AT = CRAWL_ID_AT + CRAWL_ID_MAX;
    /** The error kinds' text fits in this part of their 512-byte area; the jsoup fallback reasons in the rest. */
    static final int KINDS_MAX = 320;
    private static final long FALLBACKS_AT = KINDS_AT + KINDS_MAX;
    static final int FALLBACKS_MAX = 192;
    private static final long SLOTS_AT = FALLBACKS_AT + FALLBACKS_MAX;
    private static final long SLOT_STRIDE = 64;

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final MemorySegment memory;
    private final Path path; // null when anonymous

    private CountersFile(MemorySegment memory, Path path) {
        this.memory = memory;
        this.path = path;
    }

    static long size(int slots) {
        return SLOTS_AT + slots * SLOT_STRIDE;
    }

    /**
     * Creates {@code dir/trawl-PID-RANDOM.counters} and maps it for writing (the random part lets one process
     * run several crawls). The mapping lives until it is garbage collected, so a late writer after
     * {@link #delete()} never touches unmapped memory.
     */
    static CountersFile create(Path dir, long pid, long startMillis, String crawlId) throws IOException {
        Files.createDirectories(dir);
        String name = "trawl-" + pid + "-" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 32);
        Path path = dir.resolve(name + SUFFIX);
        Path tmp = dir.resolve(name + SUFFIX + ".tmp");
        long size = size(Slots.COUNT);
        MemorySegment memory;
        try (var channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.allocate(1), size - 1); // sizes the file without writing it all
            memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, Arena.ofAuto());
        }
        var file = new CountersFile(memory, path);
        file.writeHeader(pid, startMillis, crawlId);
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Counters in plain memory: the same code path as a file, seen by no other process. */
    static CountersFile anonymous(long pid, long startMillis, String crawlId) {
        var file = new CountersFile(Arena.ofAuto().allocate(size(Slots.COUNT), SLOT_STRIDE), null);
        file.writeHeader(pid, startMillis, crawlId);
        return file;
    }

    /**
     * Maps another process's file read-only into {@code arena}.
     *
     * @throws IOException when it vanished meanwhile, or is no trawl counters file of this version
     */
    static CountersFile open(Path path, Arena arena) throws IOException {
        try (var channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < SLOTS_AT) throw new IOException(path + ": too short for a counters file (" + size + " bytes)");
            var file = new CountersFile(channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena), path);
            if (file.memory.get(ValueLayout.JAVA_LONG, 0) != MAGIC) throw new IOException(path + ": not a trawl counters file");
            int version = file.memory.get(ValueLayout.JAVA_INT, VERSION_AT);
            if (version != VERSION) throw new IOException(path + ": counters format " + version + ", this trawl reads " + VERSION);
            if (size < size(file.slotCount())) throw new IOException(path + ": truncated (" + size + " bytes)");
            return file;
        }
    }

    private void writeHeader(long pid, long startMillis, String crawlId) {
        memory.set(ValueLayout.JAVA_INT, VERSION_AT, VERSION);
        memory.set(ValueLayout.JAVA_LONG, PID_AT, pid);
        memory.set(ValueLayout.JAVA_LONG, START_AT, startMillis);
        memory.set(ValueLayout.JAVA_LONG, HEARTBEAT_AT, startMillis);
        memory.set(ValueLayout.JAVA_INT, SLOT_COUNT_AT, Slots.COUNT);
        writeText(CRAWL_ID_LENGTH_AT, CRAWL_ID_AT, CRAWL_ID_MAX, crawlId);
        writeText(KINDS_LENGTH_AT, KINDS_AT, KINDS_MAX, String.join(",", Slots.ERROR_KINDS));
        writeText(FALLBACKS_LENGTH_AT, FALLBACKS_AT, FALLBACKS_MAX, String.join(",", Slots.FALLBACKS));
        memory.set(ValueLayout.JAVA_INT, STATE_AT, STATE_RUNNING);
        LONG.setRelease(memory, 0L, MAGIC); // last: the header is complete once the magic is there
    }

    private void writeText(long lengthAt, long at, int max, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, max); // a longer crawl id is cut; status compares the same cut
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, memory, at, length);
        memory.set(ValueLayout.JAVA_INT, lengthAt, length);
    }

    private String readText(long lengthAt, long at, int max) {
        int length = Math.clamp(memory.get(ValueLayout.JAVA_INT, lengthAt), 0, max);
        return new String(memory.asSlice(at, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    /** Truncates text the way the file does, so an id compares equal to its stored form. */
    static String storedForm(String crawlId) {
        byte[] bytes = crawlId.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= CRAWL_ID_MAX) return crawlId;
        return new String(bytes, 0, CRAWL_ID_MAX, StandardCharsets.UTF_8);
    }

    // --- writers -------------------------------------------------------------------------------------

    void add(int slot, long delta) {
        LONG.getAndAdd(memory, offset(slot), delta);
    }

    void set(int slot, long value) {
        LONG.setRelease(memory, offset(slot), value);
    }

    void heartbeat(long nowMillis) {
        LONG.setRelease(memory, HEARTBEAT_AT, nowMillis);
    }

    void state(int state) {
        INT.setRelease(memory, STATE_AT, state);
    }

    void metricsPort(int port) {
        INT.setRelease(memory, METRICS_PORT_AT, port);
    }

    // --- readers -------------------------------------------------------------------------------------

    long get(int slot) {
        return slot < slotCount() ? (long) LONG.getAcquire(memory, offset(slot)) : 0;
    }

    int slotCount() {
        return memory.get(ValueLayout.JAVA_INT, SLOT_COUNT_AT);
    }

    long pid() { return memory.get(ValueLayout.JAVA_LONG, PID_AT); }
    long startMillis() { return memory.get(ValueLayout.JAVA_LONG, START_AT); }
    long heartbeatMillis() { return (long) LONG.getAcquire(memory, HEARTBEAT_AT); }
    int state() { return (int) INT.getAcquire(memory, STATE_AT); }
    int metricsPort() { return (int) INT.getAcquire(memory, METRICS_PORT_AT); }
    String crawlId() { return readText(CRAWL_ID_LENGTH_AT, CRAWL_ID_AT, CRAWL_ID_MAX); }
    String errorKinds() { return readText(KINDS_LENGTH_AT, KINDS_AT, KINDS_MAX); }
    /** The jsoup fallback reasons, comma-separated, in slot order; "" in a file of a build without them. */
    String fallbacks() { return readText(FALLBACKS_LENGTH_AT, FALLBACKS_AT, FALLBACKS_MAX); }

    /** Null for anonymous counters. */
    Path path() {
        return path;
    }

    /** Removes the file; the mapping stays valid for writers that are still finishing. */
    void delete() throws IOException {
        if (path != null) Files.deleteIfExists(path);
    }

    private static long offset(int slot) {
        return SLOTS_AT + slot * SLOT_STRIDE;
    }
}
