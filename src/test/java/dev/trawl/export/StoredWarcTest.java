package dev.trawl.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.store.StoredBody;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredWarcTest {
    @Test
    void aStoredHeadLosesItsTransferEncodingLineAndKeepsEverythingElse() {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\ntransfer-encoding: chunked\r\n"
                + "Content-Encoding: gzip\r\n\r\n";
        var body = new StoredBody(head, StoredBody.AS_RECEIVED, new byte[0]);
        assertThat(new String(StoredWarc.headWithoutTransferCoding(body), StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n");
    }

    @Test
    void aHeadWithoutOneIsUnchanged() {
        String head = "HTTP/1.1 404 Not Found\r\nX-Transfer-Encoding-Note: no\r\n\r\n";
        var body = new StoredBody(head, StoredBody.AS_RECEIVED, new byte[0]);
        assertThat(new String(StoredWarc.headWithoutTransferCoding(body), StandardCharsets.ISO_8859_1)).isEqualTo(head);
    }
}
