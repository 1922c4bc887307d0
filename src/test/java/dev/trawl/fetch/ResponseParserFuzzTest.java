package dev.trawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * Coverage-guided fuzzing (Jazzer) of the parsers that read what a server sends: the response head (status line,
 * headers, 1xx interim responses) and the body framings, chunked included. A normal test run replays the stored
 * inputs; `JAZZER_FUZZ=1 mvn test -Dtest=ResponseParserFuzzTest` fuzzes. Whatever the bytes, reading a response
 * either gives a head and a body within the limit, or an IOException (which the fetcher maps to an error code);
 * never another exception, and no stored header value holds a control character.
 */
class ResponseParserFuzzTest {
    private static final long LIMIT = 4096;

    @FuzzTest(maxDuration = "60s")
    void anyBytesGiveAResponseWithinTheLimitsOrAnIOException(FuzzedDataProvider data) throws IOException {
        boolean keep = data.consumeBoolean();
        byte[] wire = data.consumeRemainingAsBytes();
        var connection = new Http1Connection(new BytesSocket(wire), new BytesSocket(new byte[0]), null);
        connection.begin(Deadline.after(Duration.ofSeconds(10)));
        try {
            ResponseHead head = ResponseHead.read(connection);
            RawBody body = BodyReader.read(connection, head, BodyReader.Framing.of(head), keep, LIMIT);
            assertThat(body.received()).isLessThanOrEqualTo(LIMIT);
            assertThat(head.status()).isBetween(200, 999);
            for (Header h : head.headers()) assertThat(h.value()).doesNotContainPattern("[\\x00-\\x08\\x0a-\\x1f\\x7f]");
            if (head.location() != null) assertThat(head.location()).doesNotContainPattern("[\\x00-\\x08\\x0a-\\x1f\\x7f]");
        } catch (IOException expected) {
            // malformed, too large or cut short: an error code, not a crash
        } finally {
            connection.close();
        }
    }

    /** A socket whose input is the fuzzer's bytes, so that the parsers run on exactly the code the client uses. */
    private static final class BytesSocket extends Socket {
        private final InputStream in;
        private final OutputStream out = new ByteArrayOutputStream();

        BytesSocket(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public void setSoTimeout(int timeout) {
            // reads never block
        }
    }
}
