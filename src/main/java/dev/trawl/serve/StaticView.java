package dev.trawl.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A file shipped in the jar (style sheet, script, icon): nothing the app shows comes from anywhere else. */
final class StaticView {
    private StaticView() {}

    static View of(String name, String contentType) {
        byte[] body = load(name);
        return rawQuery -> new Response(200, contentType, body, true);
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticView.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " in the trawl jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name + ": " + e.getMessage(), e);
        }
    }
}
