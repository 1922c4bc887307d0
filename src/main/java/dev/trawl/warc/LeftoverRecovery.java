package dev.trawl.warc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes the {@code .open} files a killed crawl left behind, when an archive opens on their directory: the file
 * is cut after its last complete record (a record is one gzip member, checked by its CRC) and renamed to its final
 * name, so every record the killed crawl finished writing is kept; a file without one complete record is removed.
 * A file still locked by a live writer (another process on the same directory) is left alone, as is one whose
 * final name is taken.
 */
final class LeftoverRecovery {
    private LeftoverRecovery() {}

    static List<LeftoverFile> recover(Path dir, String prefix) throws IOException {
        List<LeftoverFile> outcomes = new ArrayList<>();
        // The prefix is a literal in the glob: the config allows only letters, digits, '.', '_' and '-' in it.
        try (DirectoryStream<Path> open = Files.newDirectoryStream(dir,
                prefix + "-*" + WarcFileSet.EXTENSION + OpenWarcFile.OPEN_SUFFIX)) {
            for (Path file : open) {
                outcomes.add(recoverOne(file));
            }
        }
        return outcomes;
    }

    private static LeftoverFile recoverOne(Path openFile) throws IOException {
        String name = openFile.getFileName().toString();
        Path finalFile = openFile.resolveSibling(name.substring(0, name.length() - OpenWarcFile.OPEN_SUFFIX.length()));
        long size;
        long complete;
        try (FileChannel channel = FileChannel.open(openFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            size = channel.size();
            if (lock == null) {
                return new LeftoverFile(openFile, LeftoverFile.Action.LEFT_IN_USE, size, 0);
            }
            complete = GzipMembers.completePrefix(channel);
            if (complete > 0 && Files.exists(finalFile)) {
                return new LeftoverFile(openFile, LeftoverFile.Action.LEFT_NAME_TAKEN, size, 0);
            }
            if (complete > 0) {
                channel.truncate(complete);
                channel.force(true);
            }
            lock.release();
        }
        if (complete == 0) {
            Files.delete(openFile);
            return new LeftoverFile(openFile, LeftoverFile.Action.REMOVED_EMPTY, 0, size);
        }
        Files.move(openFile, finalFile, StandardCopyOption.ATOMIC_MOVE);
        return new LeftoverFile(finalFile, LeftoverFile.Action.COMPLETED, complete, size - complete);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by an archive in this same process
        }
    }
}
