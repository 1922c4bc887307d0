package dev.trawl.warc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A WARC file being written: {@code NAME.warc.gz.open}, locked (an OS lock, which a killed process loses) so that
 * no other archive takes it for a leftover, and renamed to {@code NAME.warc.gz} once it is complete and on disk.
 * Used by the writer thread only.
 */
final class OpenWarcFile {
    static final String OPEN_SUFFIX = ".open";

    private final Path openPath;
    private final Path finalPath;
    private final FileChannel channel;
    private final FileLock lock;
    private long size;
    private boolean hasCaptures;

    private OpenWarcFile(Path openPath, Path finalPath, FileChannel channel, FileLock lock) {
        this.openPath = openPath;
        this.finalPath = finalPath;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir/name.open}, or returns null when that name or {@code dir/name} is taken (by an earlier
     * crawl, or another process writing into the same directory).
     */
    static OpenWarcFile create(Path dir, String name) throws IOException {
        Path finalPath = dir.resolve(name);
        Path openPath = dir.resolve(name + OPEN_SUFFIX);
        if (Files.exists(finalPath)) {
            return null;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(openPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return null;
        }
        try {
            return new OpenWarcFile(openPath, finalPath, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(openPath);
            throw e;
        }
    }

    long size() {
        return size;
    }

    boolean hasCaptures() {
        return hasCaptures;
    }

    /** Appends whole units (each one or more gzip members) with one gathering write where the OS allows. */
    void append(ByteBuffer[] units, boolean captures) throws IOException {
        long total = 0;
        for (ByteBuffer unit : units) {
            total += unit.remaining();
        }
        long written = 0;
        while (written < total) {
            written += channel.write(units);
        }
        size += total;
        hasCaptures |= captures;
    }

    /** Closes the file as it is, still {@code .open} (the archive failed): its lock goes with the channel. */
    void abandon() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more can be done for a file that could not be written
        }
    }

    /** Forces the bytes to disk, then renames the file to its final name: complete, or still {@code .open}. */
    Path seal() throws IOException {
        try (channel) {
            channel.force(true);
            lock.release();
        }
        Files.move(openPath, finalPath, StandardCopyOption.ATOMIC_MOVE);
        return finalPath;
    }
}
