package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractedFieldsTest {
    private static ExtractedFields sample() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", "Quote \" backslash \\ newline \n tab \t emoji \uD83D\uDE00 nul \u0000");
        values.put("missing", null);
        values.put("sizes", List.of("40", "41,5", ""));
        return new ExtractedFields(values, List.of("sizes"));
    }

    @Test
    void jsonRoundTripsFieldForFieldInOrder() throws Exception {
        ExtractedFields fields = sample();

        String json = fields.toJson();
        ExtractedFields back = ExtractedFields.fromJson(json);

        assertThat(back).isEqualTo(fields);
        assertThat(back.values().keySet()).containsExactly("title", "missing", "sizes");
        JsonNode parsed = new ObjectMapper().readTree(json); // valid JSON for any other reader too
        assertThat(parsed.get("title").asText()).isEqualTo(fields.values().get("title"));
        assertThat(parsed.get("_truncated").get(0).asText()).isEqualTo("sizes");
    }

    @Test
    void csvCellsAreTheValueOrEmptyOrAJsonArray() {
        ExtractedFields fields = sample();

        assertThat(fields.csvCell("missing")).isEmpty();
        assertThat(fields.csvCell("not-a-field")).isEmpty();
        assertThat(fields.csvCell("sizes")).isEqualTo("[\"40\",\"41,5\",\"\"]");
        assertThat(fields.csvCell("title")).startsWith("Quote \"");
    }

    @Test
    void noFieldsIsAnEmptyObject() {
        assertThat(ExtractedFields.NONE.toJson()).isEqualTo("{}");
        assertThat(ExtractedFields.NONE.isEmpty()).isTrue();
        assertThat(ExtractedFields.fromJson("{}")).isEqualTo(ExtractedFields.NONE);
    }

    @Test
    void valuesOtherThanStringsAndListsOfStringsAreRefused() {
        assertThatThrownBy(() -> new ExtractedFields(Map.of("n", 1), List.of()))
                .hasMessage("field 'n' holds a java.lang.Integer");
        assertThatThrownBy(() -> ExtractedFields.fromJson("{\"n\":1}"))
                .hasMessage("fields JSON: 'n' holds VALUE_NUMBER_INT");
        assertThatThrownBy(() -> ExtractedFields.fromJson("[1]")).hasMessageStartingWith("not a fields JSON object");
        assertThatThrownBy(() -> ExtractedFields.fromJson("{\"a\":")).hasMessageStartingWith("not a fields JSON object");
    }
}
