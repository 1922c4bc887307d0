package dev.trawl.warc;

import java.nio.file.Path;

/**
 * What an archive did, when it opened, with one {@code .open} file a killed crawl had left in its directory.
 * {@code file} is the file's name afterwards (the final name when completed, else the {@code .open} name);
 * {@code keptBytes} the complete records kept, {@code droppedBytes} the torn tail cut off.
 */
public record LeftoverFile(Path file, Action action, long keptBytes, long droppedBytes) {
    public enum Action {
        /** Cut after its last complete record and renamed: complete now. */
        COMPLETED,
        /** Held no complete record (not even its warcinfo): deleted. */
        REMOVED_EMPTY,
        /** Locked by a live writer (another crawl on the same directory): not touched. */
        LEFT_IN_USE,
        /** Its final name already exists: not touched. */
        LEFT_NAME_TAKEN
    }
}
