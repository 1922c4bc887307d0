package dev.trawl.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Encodes a page's outlinks as the JSON array of strings stored in {@code links.targets}. */
final class Outlinks {
    private final JsonFactory json = new JsonFactory();

    /** Returns e.g. {@code ["https://a.example/","https://b.example/x"]}; {@code []} when there are none. */
    String encode(List<String> urls) {
        StringWriter out = new StringWriter(32 + urls.size() * 64);
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartArray();
            for (String url : urls) {
                gen.writeString(url);
            }
            gen.writeEndArray();
        } catch (IOException e) {
            // A StringWriter does not fail; this is here only because the generator's signature says it might.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
