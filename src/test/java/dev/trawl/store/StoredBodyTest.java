package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredBodyTest {
    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n";

    @Test
    void aBodyTheServerSentPlainIsCompressedAndComesBackWhole() throws IOException {
        byte[] page = "<p>the same words again</p>".repeat(400).getBytes(StandardCharsets.UTF_8);
        byte[] buffer = java.util.Arrays.copyOf(page, page.length + 100); // a read buffer longer than the body
        StoredBody body = StoredBody.of(HEAD, buffer, page.length, false);
        assertThat(body.coding()).isEqualTo(StoredBody.ZSTD);
        assertThat(body.bytes().length).isLessThan(page.length / 10);
        assertThat(body.received(page.length)).isEqualTo(page);
    }

    @Test
    void aBodyTheServerCompressedIsKeptAsItCameAndOnlyItsLengthCounts() throws IOException {
        byte[] buffer = {1, 2, 3, 4, 5, 99, 99}; // a read buffer: only the first 5 bytes are the body
        StoredBody body = StoredBody.of(HEAD, buffer, 5, true);
        assertThat(body.coding()).isEqualTo(StoredBody.AS_RECEIVED);
        assertThat(body.received(5)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void decompressingPastTheLimitIsRefusedNotHeld() {
        byte[] zeros = new byte[1 << 20]; // a megabyte of zeros compresses to a few dozen bytes
        StoredBody body = StoredBody.of(HEAD, zeros, zeros.length, false);
        assertThat(body.bytes().length).isLessThan(1024);
        assertThatThrownBy(() -> body.received(64 * 1024)).isInstanceOf(IOException.class)
                .hasMessageContaining("decompresses past 65536 bytes");
    }

    @Test
    void aDamagedRowIsAnIOExceptionAndABodyOfExactlyTheLimitComesBack() throws IOException {
        byte[] page = "<p>".repeat(5000).getBytes(StandardCharsets.US_ASCII);
        StoredBody body = StoredBody.of(HEAD, page, page.length, false);
        assertThat(body.received(page.length)).isEqualTo(page);
        assertThatThrownBy(() -> body.received(page.length - 1)).isInstanceOf(IOException.class);
        StoredBody cut = new StoredBody(HEAD, StoredBody.ZSTD, java.util.Arrays.copyOf(body.bytes(), body.bytes().length / 2));
        assertThatThrownBy(() -> cut.received(page.length)).isInstanceOf(IOException.class);
        StoredBody garbage = new StoredBody(HEAD, StoredBody.ZSTD, new byte[] {1, 2, 3, 4, 5, 6});
        assertThatThrownBy(() -> garbage.received(page.length)).isInstanceOf(IOException.class).hasMessageContaining("not zstd");
        StoredBody unknown = new StoredBody(HEAD, "lzma", page);
        assertThatThrownBy(() -> unknown.received(page.length)).isInstanceOf(IOException.class).hasMessageContaining("lzma");
    }

    /** Databases written before zstd hold zlib bodies: they are read, within the same limit. */
    @Test
    void zlibBodiesOfEarlierDatabasesAreStillRead() throws IOException {
        byte[] page = "<p>older</p>".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        var deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        deflater.setInput(page);
        deflater.finish();
        byte[] zlib = new byte[page.length];
        int n = deflater.deflate(zlib);
        deflater.end();
        StoredBody body = new StoredBody(HEAD, StoredBody.DEFLATE, java.util.Arrays.copyOf(zlib, n));
        assertThat(body.received(page.length)).isEqualTo(page);
        assertThatThrownBy(() -> body.received(page.length - 1)).isInstanceOf(IOException.class)
                .hasMessageContaining("decompresses past");
        StoredBody cut = new StoredBody(HEAD, StoredBody.DEFLATE, java.util.Arrays.copyOf(zlib, n / 2));
        assertThatThrownBy(() -> cut.received(page.length)).isInstanceOf(IOException.class).hasMessageContaining("cut short");
        StoredBody garbage = new StoredBody(HEAD, StoredBody.DEFLATE, new byte[] {1, 2, 3, 4, 5, 6});
        assertThatThrownBy(() -> garbage.received(page.length)).isInstanceOf(IOException.class).hasMessageContaining("not zlib");
    }

    @Test
    void headersAreFoundByNameWhateverTheirCase() {
        StoredBody body = StoredBody.of(HEAD, new byte[0], 0, false);
        assertThat(body.header("content-encoding")).isEqualTo("gzip");
        assertThat(body.header("CONTENT-TYPE")).isEqualTo("text/html");
        assertThat(body.header("ETag")).isNull();
    }
}
