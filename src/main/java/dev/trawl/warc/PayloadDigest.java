package dev.trawl.warc;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcDigest;

/**
 * The SHA-1 of a response's payload in the form WARC uses ({@code sha1:} and 32 base32 characters), which is what
 * {@code WARC-Payload-Digest} holds and what a recrawl compares to decide that a page is unchanged (a revisit).
 *
 * <p>The payload is the entity body (WARC/1.1 section 5.9): the message body with its transfer coding removed
 * (chunk lines dropped) and its content coding kept (a gzip body is digested compressed). The chunked framing is
 * undone by jwarc's own HTTP parser, so the digest is the one jwarc's reader and validator compute from the record.
 */
public final class PayloadDigest {
    private static final int BUFFER = 16 * 1024;

    private PayloadDigest() {}

    /** The payload digest of an exchange's response (of the bytes it holds, when it was cut: as WARC records it). */
    public static String of(WarcExchange exchange) {
        return of(exchange.responseHead(), exchange.body(), exchange.bodyLength());
    }

    /**
     * The payload digest of a response given as its head (status line and headers as received) and its first
     * {@code bodyLength} body bytes. A head jwarc cannot parse (a hostile server's) gets the digest of the body
     * bytes as they are: there is no transfer coding anyone could undo.
     */
    public static String of(byte[] responseHead, byte[] body, int bodyLength) {
        if (!isChunked(responseHead)) {
            return ofEntity(body, bodyLength);
        }
        InputStream message = new SequenceInputStream(new ByteArrayInputStream(responseHead),
                new ByteArrayInputStream(body, 0, bodyLength));
        InputStream entity;
        try {
            entity = HttpResponse.parse(Channels.newChannel(message)).body().stream();
        } catch (IOException e) {
            return ofEntity(body, bodyLength);
        }
        MessageDigest sha1 = sha1();
        try (entity) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = entity.read(buffer)) != -1; ) {
                sha1.update(buffer, 0, n);
            }
        } catch (IOException e) {
            // A chunked body cut mid-chunk (a truncated record) or with broken framing: the digest of what could be
            // de-chunked, which is the record's payload up to the cut and what a reader computes too.
        }
        return format(sha1);
    }

    /** The digest of bytes that already are the entity body (no transfer coding). */
    public static String ofEntity(byte[] entity, int length) {
        MessageDigest sha1 = sha1();
        sha1.update(entity, 0, length);
        return format(sha1);
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    static String format(MessageDigest digest) {
        return new WarcDigest("sha1", digest.digest()).prefixedBase32();
    }

    /**
     * Whether the head declares {@code Transfer-Encoding: chunked}. A plain scan rather than a parse: this runs for
     * every response, and only the rare chunked one needs jwarc's parser.
     */
    static boolean isChunked(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = 0;
        while ((at = text.indexOf('\n', at)) != -1) {
            at++;
            if (text.regionMatches(true, at, "transfer-encoding:", 0, 18)) {
                int end = text.indexOf('\n', at);
                String value = text.substring(at + 18, end == -1 ? text.length() : end);
                if (value.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                    return true;
                }
            }
        }
        return false;
    }
}
