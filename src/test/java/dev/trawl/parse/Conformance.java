package dev.trawl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the shared conformance data (system property trawl.conformance, else ../shared/conformance). */
final class Conformance {
    private Conformance() {}

    static Path dir() {
        String configured = System.getProperty("trawl.conformance");
        return Path.of(configured != null ? configured : "../shared/conformance");
    }

    static List<JsonNode> cases(String relativePath) throws IOException {
        Path file = dir().resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new IOException("conformance file " + file.toAbsolutePath() + " not found (set -Dtrawl.conformance)");
        }
        List<JsonNode> cases = new ArrayList<>();
        new ObjectMapper().readTree(file.toFile()).forEach(cases::add);
        return cases;
    }

    /** A nullable string field. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
