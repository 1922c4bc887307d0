package dev.trawl.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.store.PageStore;
import dev.trawl.store.Stores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlExportTest {
    private static final List<String> FIELDS = List.of(
            "url", "final_url", "status", "depth", "content_type", "title", "error", "fetched_at", "digest", "rendered", "sitemap", "lastmod", "outlinks",
            "fields", "change");
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void roundTripsEveryFieldInOrderOneObjectPerLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PageStore store = ExportFixture.storeWithRows(dir)) {
            assertThat(Exports.write(store, ExportFormat.JSONL, out)).isEqualTo(3);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").contains("😀").doesNotContain("\\u");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            rows.add(json.readTree(line));
        }
        assertThat(rows).hasSize(3);
        rows.forEach(r -> assertThat(fieldNames(r)).containsExactlyElementsOf(FIELDS));

        JsonNode ok = rows.get(0);
        assertThat(ok.get("url").asText()).isEqualTo("https://a.example/");
        assertThat(ok.get("final_url").asText()).isEqualTo("https://a.example/home");
        assertThat(ok.get("status").isInt()).isTrue();
        assertThat(ok.get("status").asInt()).isEqualTo(200);
        assertThat(ok.get("depth").asInt()).isZero();
        assertThat(ok.get("content_type").asText()).isEqualTo("text/html; charset=utf-8");
        assertThat(ok.get("title").asText()).isEqualTo(ExportFixture.TRICKY_TITLE);
        assertThat(ok.get("error").isNull()).isTrue();
        assertThat(ok.get("fetched_at").asText()).isEqualTo("2026-11-25T13:49:08.120Z");
        assertThat(ok.get("change").asText()).as("a first fetch").isEqualTo("new");
        assertThat(json.convertValue(ok.get("outlinks"), String[].class))
                .containsExactly("https://a.example/x", "https://b.example/\"quoted\",comma");

        JsonNode timeout = rows.get(1);
        assertThat(timeout.get("url").asText()).isEqualTo("https://a.example/x");
        assertThat(timeout.get("status").isNull()).isTrue();
        assertThat(timeout.get("final_url").isNull()).isTrue();
        assertThat(timeout.get("error").asText()).isEqualTo("timeout");
        assertThat(timeout.get("depth").asInt()).isEqualTo(1);
        assertThat(timeout.get("fetched_at").asText()).isEqualTo("2026-11-25T13:49:09.120Z");
        assertThat(timeout.get("outlinks").isArray()).isTrue();
        assertThat(timeout.get("outlinks")).isEmpty();

        assertThat(rows.get(2).get("error").asText()).isEqualTo("robots");
        assertThat(rows.get(2).get("status").isNull()).isTrue();
    }

    @Test
    void anEmptyStoreExportsNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PageStore store = Stores.open(dir.resolve("empty.db").toString())) {
            assertThat(Exports.write(store, ExportFormat.JSONL, out)).isZero();
        }
        assertThat(out.size()).isZero();
    }

    @Test
    void aFailingOutputSurfacesAsIOException() throws Exception {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        try (PageStore store = ExportFixture.storeWithRows(dir)) {
            assertThatThrownBy(() -> Exports.write(store, ExportFormat.JSONL, broken))
                    .isInstanceOf(IOException.class).hasMessage("No space left on device");
        }
    }

    /** Field names of a JSON object, in document order. */
    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
