package dev.trawl.sitemap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Inflates gzip bytes, stopping as soon as the output passes a bound (a gzip bomb costs bound + one buffer). */
final class BoundedGunzip {
    /** The inflated bytes, or a one-line problem (too large, not gzip). */
    record Result(byte[] bytes, String problem) {}

    private BoundedGunzip() {}

    static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B;
    }

    static Result inflate(byte[] gzip, int maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, gzip.length * 4L + 64));
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + n > maxBytes) {
                    return new Result(null, "larger than " + maxBytes + " bytes after gzip decompression");
                }
                out.write(buffer, 0, n);
            }
            return new Result(out.toByteArray(), null);
        } catch (IOException e) {
            return new Result(null, "not valid gzip: " + SitemapReader.Reasons.oneLine(e.getMessage()));
        }
    }
}
