package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesFileTest {
    @TempDir
    Path dir;

    private static final String YAML = """
            # product pages first: the first rule that names a field wins
            rules:
              - url: '^https://shop\\.example/item/'
                fields:
                  title: 'h1::text'
                  sizes[]: 'select#size option::attr(value)'
              - fields:
                  title: title::text
                  links[]: a::attr(href)
            """;

    private static final String JSON = """
            {"rules": [
              {"url": "^https://shop\\\\.example/item/",
               "fields": {"title": "h1::text", "sizes[]": "select#size option::attr(value)"}},
              {"fields": {"title": "title::text", "links[]": "a::attr(href)"}}
            ]}""";

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void yamlAndJsonGiveTheSameRules() throws IOException {
        List<UrlRule> yaml = RulesFile.load(write("rules.yaml", YAML));
        List<UrlRule> json = RulesFile.load(write("rules.json", JSON));
        List<UrlRule> sniffed = RulesFile.load(write("rules.conf", JSON));

        for (List<UrlRule> rules : List.of(yaml, json, sniffed)) {
            assertThat(rules).hasSize(2);
            assertThat(rules.get(0).url().pattern()).isEqualTo("^https://shop\\.example/item/");
            assertThat(rules.get(0).fields()).map(FieldSpec::toString)
                    .containsExactly("title=h1::text", "sizes[]=select#size option::attr(value)");
            assertThat(rules.get(1).matches("https://anywhere.example/")).isTrue();
        }
    }

    @Test
    void loadedRulesExtract() throws IOException {
        ExtractionRules rules = ExtractionRules.of(List.of(), RulesFile.load(write("rules.yml", YAML)));
        var doc = Jsoup.parse("<title>T</title><h1>Shoe</h1><select id=size><option value=40><option value=41></select>");

        assertThat(rules.extract(doc, "https://shop.example/item/1").toJson())
                .isEqualTo("{\"title\":\"Shoe\",\"sizes\":[\"40\",\"41\"],\"links\":[]}");
        assertThat(rules.extract(doc, "https://shop.example/").toJson()).isEqualTo("{\"title\":\"T\",\"links\":[]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[]                                         | rules file F: expected an object with a 'rules' list",
        "{\"rule\": []}                             | rules file F: unknown key 'rule' in the top level (expected rules)",
        "{\"rules\": {}}                            | rules file F: 'rules' must be a list of {url, fields}",
        "{\"rules\": [1]}                           | rules file F: rule 1: expected {url, fields}, got number",
        "{\"rules\": [{\"fields\": {}}]}            | rules file F: rule 1: 'fields' must map at least one NAME",
        "{\"rules\": [{\"fields\": {\"t\": \"h1\"}, \"ur\": \"x\"}]} | rules file F: rule 1: unknown key 'ur' in a rule (expected fields, url)",
        "{\"rules\": [{\"url\": \"(\", \"fields\": {\"t\": \"h1\"}}]} | rules file F: rule 1: url '(' is not a valid regular expression: Unclosed group",
        "{\"rules\": [{\"url\": 1, \"fields\": {\"t\": \"h1\"}}]}     | rules file F: rule 1: 'url' must be a regular expression string, got number",
        "{\"rules\": [{\"fields\": {\"t\": \"h1[\"}}]}              | rules file F: rule 1: field 't': selector 'h1[' is not valid CSS",
        "{\"rules\": [{\"fields\": {\"t\": [\"h1\"]}}]}             | rules file F: rule 1: field 't': the selector must be a string, got array (quote it in YAML)",
        "{\"rules\": [{\"fields\": {\"t\": \"h1\", \"t[]\": \"h2\"}}]} | rules file F: rule 1: field 't' is given twice",
        "{\"rules\": [{\"fields\": {\"t\": \"h1\", \"t\": \"h2\"}}]}   | rules file F is not valid JSON at line 1, column 38: Duplicate field 't'",
        "{\"rules\": [}                             | rules file F is not valid JSON at line 1, column 12: Unexpected close marker '}': expected ']'",
    })
    void badJsonGetsAOneLineMessageNamingRuleAndField(String text, String message) throws IOException {
        Path file = write("r.json", text);

        assertThatThrownBy(() -> RulesFile.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message.replace("F", file.toString()))
                .hasMessageNotContaining("\n");
    }

    @Test
    void badYamlGetsAOneLineMessageWithItsLine() throws IOException {
        Path unquoted = write("a.yaml", "rules:\n  - fields:\n      id: #main::text\n");
        Path broken = write("b.yaml", "rules:\n  - fields: {t: h1\n");
        Path duplicate = write("c.yaml", "rules:\n  - fields:\n      t: h1\n      t: h2\n");

        assertThatThrownBy(() -> RulesFile.load(unquoted)).hasMessage("rules file " + unquoted
                + ": rule 1: field 'id': the selector is empty (in YAML, quote a selector that starts with # or [)");
        assertThatThrownBy(() -> RulesFile.load(broken)).hasMessage(
                "rules file " + broken + " is not valid YAML at line 3, column 1: expected ',' or '}', but got <stream end>");
        assertThatThrownBy(() -> RulesFile.load(duplicate))
                .hasMessage("rules file " + duplicate + " is not valid YAML at line 4, column 7: found duplicate key t");
    }

    @Test
    void aYamlAliasBombIsRefusedNotExpanded() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(9))
                    .append('*').append((char) (c - 1)).append("]\n");
        }
        Path bomb = write("bomb.yaml", yaml + "rules: []\n");

        assertThatThrownBy(() -> RulesFile.load(bomb)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rules file " + bomb + " is not valid YAML")
                .hasMessageContaining("aliases")
                .hasMessageNotContaining("\n");
    }

    @Test
    void yamlAliasesAreExpandedAsYamlMeansThem() throws IOException {
        Path file = write("alias.yaml", "rules:\n  - fields:\n      title: &t 'h1::text'\n      again: *t\n");

        assertThat(RulesFile.load(file).getFirst().fields()).map(FieldSpec::toString)
                .containsExactly("title=h1::text", "again=h1::text");
    }

    @Test
    void deeplyNestedYamlIsRefusedBeforeTheParserRecursesIntoIt() throws IOException {
        Path deep = write("deep.yaml", "rules: " + "[".repeat(100_000));

        assertThatThrownBy(() -> RulesFile.load(deep))
                .hasMessage("rules file " + deep + " nests collections deeper than 64 levels");
    }

    @Test
    void boundsOnSizeAndRuleCountAreEnforcedWithTheNumbers() throws IOException {
        Path big = write("big.json", "{\"rules\": []}" + " ".repeat(RulesFile.MAX_BYTES));
        Path many = write("many.json",
                "{\"rules\": [" + String.join(",", java.util.Collections.nCopies(1001, "{\"fields\": {\"t\": \"h1\"}}")) + "]}");
        Path longUrl = write("long.json", "{\"rules\": [{\"url\": \"" + "a".repeat(1001) + "\", \"fields\": {\"t\": \"h1\"}}]}");

        assertThatThrownBy(() -> RulesFile.load(big)).hasMessage("rules file " + big + " is larger than 1048576 bytes");
        assertThatThrownBy(() -> RulesFile.load(many)).hasMessage("rules file " + many + ": 1001 rules is more than the 1000 allowed");
        assertThatThrownBy(() -> RulesFile.load(longUrl)).hasMessage(
                "rules file " + longUrl + ": rule 1: url pattern of 1001 chars is longer than the 1000 allowed");
    }

    @Test
    void unreadableOrNonUtf8FilesAreOneLineErrors() throws IOException {
        Path missing = dir.resolve("nope.yaml");
        Path latin1 = Files.write(dir.resolve("l.yaml"), "rules: [{fields: {t: 'h1\u00e9'}}]".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> RulesFile.load(missing)).hasMessage("rules file " + missing + ": cannot read it: no such file");
        assertThatThrownBy(() -> RulesFile.load(latin1)).hasMessage("rules file " + latin1 + " is not UTF-8 text");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        assertThat(RulesFile.load(write("bom.json", "\uFEFF" + JSON))).hasSize(2);
    }
}
