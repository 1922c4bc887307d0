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
        StoredBody body = StoredBody.of(HEAD, page, page.length, false);
        assertThat(body.coding()).isEqualTo(StoredBody.DEFLATE);
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
    void inflatingPastTheLimitIsRefusedNotHeld() {
        byte[] zeros = new byte[1 << 20]; // a megabyte of zeros deflates to about a kilobyte
        StoredBody body = StoredBody.of(HEAD, zeros, zeros.length, false);
        assertThat(body.bytes().length).isLessThan(8 * 1024);
        assertThatThrownBy(() -> body.received(64 * 1024)).isInstanceOf(IOException.class)
                .hasMessageContaining("inflates past 65536 bytes");
    }

    @Test
    void aDamagedRowIsAnIOExceptionAndABodyOfExactlyTheLimitComesBack() throws IOException {
        byte[] page = "<p>".repeat(5000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        StoredBody body = StoredBody.of("HTTP/1.1 200 OK\r\n\r\n", page, page.length, false);
        assertThat(body.received(page.length)).isEqualTo(page);
        assertThatThrownBy(() -> body.received(page.length - 1)).isInstanceOf(IOException.class);
        StoredBody cut = new StoredBody(body.head(), StoredBody.DEFLATE, java.util.Arrays.copyOf(body.bytes(), body.bytes().length / 2));
        assertThatThrownBy(() -> cut.received(page.length)).isInstanceOf(IOException.class).hasMessageContaining("cut short");
        StoredBody garbage = new StoredBody(body.head(), StoredBody.DEFLATE, new byte[] {1, 2, 3, 4, 5, 6});
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
