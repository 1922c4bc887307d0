package dev.trawl.url;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared URL conformance data (see shared/conformance/url/README.md). */
final class ConformanceData {
    private ConformanceData() {}

    /** The system property surefire sets, else the path it would set relative to the project directory. */
    static Path dir() {
        String configured = System.getProperty("trawl.conformance");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "conformance");
        return root.resolve("url");
    }

    static JsonNode read(String fileName) {
        Path file = dir().resolve(fileName);
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read conformance file " + file.toAbsolutePath(), e);
        }
    }

    /** A string field, or null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
