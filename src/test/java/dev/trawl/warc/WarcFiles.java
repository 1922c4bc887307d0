package dev.trawl.warc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/** Reading the archive back in tests, with jwarc, the reader of record. */
final class WarcFiles {
    private WarcFiles() {}

    /** A record read back: its headers' view, its block bytes, and where it started in the file. */
    record Read(WarcRecord record, byte[] block, long offset) {
        String type() {
            return record.type();
        }

        String header(String name) {
            return record.headers().first(name).orElse(null);
        }
    }

    static List<Read> read(Path file) throws IOException {
        List<Read> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(file)) {
            reader.setLenient(false);
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                WarcRecord record = next.get();
                long offset = reader.position();
                byte[] block = record.body().stream().readAllBytes();
                out.add(new Read(record, block, offset));
            }
        }
        return out;
    }

    /** Every file with the given ending in dir, by name. */
    static List<Path> list(Path dir, String ending) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ending)).sorted().toList();
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
