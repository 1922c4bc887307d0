package dev.trawl.warc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive's files in one directory: {@code PREFIX-YYYYMMDDHHMMSS-NNNNN.warc.gz} (UTC time the file was opened,
 * serial number within this archive), each starting with a warcinfo record. A file is rotated before a unit would
 * take it past {@code maxFileBytes}, so files stay under the limit unless a single capture is larger (it then has a
 * file of its own). Used by the writer thread only.
 */
final class WarcFileSet {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    static final String EXTENSION = ".warc.gz";

    private final Path dir;
    private final String prefix;
    private final long maxFileBytes;
    private final WarcInfo info;
    private final InstantSource clock;
    private final List<Path> sealed = new ArrayList<>();
    private int serial;
    private OpenWarcFile current;

    WarcFileSet(Path dir, String prefix, long maxFileBytes, WarcInfo info, InstantSource clock) {
        this.dir = dir;
        this.prefix = prefix;
        this.maxFileBytes = maxFileBytes;
        this.info = info;
        this.clock = clock;
    }

    /** Appends each unit (the records of one exchange) whole to the current file, rotating between units. */
    void append(List<byte[]> units) throws IOException {
        List<ByteBuffer> batch = new ArrayList<>(units.size());
        for (byte[] unit : units) {
            if (current == null) {
                open();
            } else if ((current.hasCaptures() || !batch.isEmpty())
                    && current.size() + pending(batch) + unit.length > maxFileBytes) {
                // a capture already written or waiting in this batch: the file is not this unit's alone
                flush(batch);
                sealCurrent();
                open();
            }
            batch.add(ByteBuffer.wrap(unit));
        }
        flush(batch);
    }

    List<Path> sealed() {
        return List.copyOf(sealed);
    }

    /** Seals the current file, if any. */
    void close() throws IOException {
        if (current != null) {
            sealCurrent();
        }
    }

    /** After a failure: closes the current file without sealing it, so no descriptor or lock outlives the archive. */
    void abandon() {
        if (current != null) {
            current.abandon();
            current = null;
        }
    }

    private void open() throws IOException {
        Instant now = clock.instant();
        OpenWarcFile file = null;
        while (file == null) {
            String name = prefix + "-" + STAMP.format(now) + "-" + String.format("%05d", serial++) + EXTENSION;
            file = OpenWarcFile.create(dir, name);
            if (file != null) {
                file.append(new ByteBuffer[] {ByteBuffer.wrap(RecordEncoder.warcinfo(name, info, now))}, false);
            }
        }
        current = file;
    }

    private void flush(List<ByteBuffer> batch) throws IOException {
        if (!batch.isEmpty()) {
            current.append(batch.toArray(ByteBuffer[]::new), true);
            batch.clear();
        }
    }

    private void sealCurrent() throws IOException {
        sealed.add(current.seal());
        current = null;
    }

    private static long pending(List<ByteBuffer> batch) {
        long total = 0;
        for (ByteBuffer buffer : batch) {
            total += buffer.remaining();
        }
        return total;
    }
}
