package dev.trawl.fetch;

import java.io.IOException;
import java.io.InputStream;

/** A library's body stream as a {@link BodySource}, so its bytes go through the same {@link BodySink}. */
final class InputStreamSource implements BodySource {
    private final InputStream in;
    private byte[] scratch;

    InputStreamSource(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        return in.read(dst, off, len);
    }

    @Override
    public long skip(long max) throws IOException {
        if (scratch == null) scratch = new byte[8192];
        return in.read(scratch, 0, (int) Math.min(max, scratch.length));
    }
}
