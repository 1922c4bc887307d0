package dev.trawl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcResponse;

/** A crawl's WARC files read back with jwarc, strictly, every digest computed from the bytes read. */
final class ArchiveFiles {
    private ArchiveFiles() {}

    /** One record: its fields, its block, and the digests it declares and that its bytes give. */
    record Record(Path file, String type, String id, String target, String concurrentTo, String truncated, String ip,
                  String blockDigest, String computedBlockDigest, String payloadDigest, String computedPayloadDigest,
                  byte[] block) {}

    /** The complete WARC files in dir, by name. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
        }
    }

    /** Files still being written, or left by a killed crawl. */
    static List<Path> openFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".open")).toList();
        }
    }

    static List<Record> read(Path dir) throws IOException {
        List<Record> records = new ArrayList<>();
        for (Path file : files(dir)) records.addAll(readFile(file));
        return records;
    }

    static List<Record> readFile(Path file) throws IOException {
        List<Record> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(file)) {
            reader.setLenient(false);
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                WarcRecord r = next.get();
                byte[] block = r.body().stream().readAllBytes();
                String payload = r instanceof WarcResponse ? payloadDigest(block) : null;
                records.add(new Record(file, r.type(), r.id().toString(), header(r, "WARC-Target-URI"),
                        unbracketed(header(r, "WARC-Concurrent-To")), header(r, "WARC-Truncated"), header(r, "WARC-IP-Address"),
                        header(r, "WARC-Block-Digest"), sha1(block), header(r, "WARC-Payload-Digest"), payload, block));
            }
        }
        return records;
    }

    /** WARC/1.1 writes a record id in angle brackets; jwarc's id() gives it without. */
    private static String unbracketed(String id) {
        return id != null && id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    private static String header(WarcRecord r, String name) {
        return r.headers().first(name).orElse(null);
    }

    /** The SHA-1 of the entity body as jwarc's HTTP parser gives it (chunk framing removed), up to where it ends. */
    private static String payloadDigest(byte[] block) throws IOException {
        MessageDigest sha1 = sha1Digest();
        var message = java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(block));
        try (InputStream body = HttpResponse.parse(message).body().stream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = body.read(buffer)) != -1; ) sha1.update(buffer, 0, n);
        } catch (IOException cutMidChunk) {
            // a truncated chunked record: the digest is of what was de-chunked, as the writer's
        }
        return new WarcDigest("sha1", sha1.digest()).prefixedBase32();
    }

    static String sha1(byte[] bytes) {
        MessageDigest sha1 = sha1Digest();
        return new WarcDigest("sha1", sha1.digest(bytes)).prefixedBase32();
    }

    private static MessageDigest sha1Digest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
