package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trawl.extract.FieldSelector.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSpecTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // option                          | name   | all   | css               | output     | attribute | descendants
        "title=h1::text                    | title  | false | h1                | TEXT       |           | false",
        "title=h1 ::text                   | title  | false | h1                | TEXT       |           | true",
        "links[]=a::attr(href)             | links  | true  | a                 | ATTRIBUTE  | href      | false",
        "ids[]=div ::attr( ID )            | ids    | true  | div               | ATTRIBUTE  | id        | true",
        "next=a[rel=next]::attr(href)      | next   | false | a[rel=next]       | ATTRIBUTE  | href      | false",
        "body=div.content::html            | body   | false | div.content       | INNER_HTML |           | false",
        "card=div.card                     | card   | false | div.card          | OUTER_HTML |           | false",
        "x=a[title='a::text']              | x      | false | a[title='a::text']| OUTER_HTML |           | false",
        "all-text=::text                   | all-text | false |                 | TEXT       |           | true",
        " price = .price::TEXT             | price  | false | .price            | TEXT       |           | false",
    })
    void parsesNameSelectorAndPseudoElement(String option, String name, boolean all, String css, Output output,
            String attribute, boolean descendants) {
        FieldSpec spec = FieldSpec.parse(option);

        assertThat(spec.name()).isEqualTo(name);
        assertThat(spec.all()).isEqualTo(all);
        assertThat(spec.selector().css()).isEqualTo(css == null ? "" : css);
        assertThat(spec.selector().output()).isEqualTo(output);
        assertThat(spec.selector().attribute()).isEqualTo(attribute);
        assertThat(spec.selector().descendants()).isEqualTo(descendants);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "title                 | 'title' is not NAME=SELECTOR (e.g. title=h1::text)",
        "=h1::text             | a field needs a name before '=' (e.g. title=h1::text)",
        "title=                | field 'title': the selector is empty (e.g. h1::text)",
        "1st=h1                | field name '1st' must be a letter, then letters, digits, '_' or '-'",
        "_truncated=h1         | field name '_truncated' must be a letter",
        "a b=h1                | field name 'a b' must be a letter",
        "title[]x=h1           | field name 'title[]x' must be a letter",
        "title=h1[             | field 'title': selector 'h1[' is not valid CSS: ",
        "title=h1::text b      | field 'title': selector 'h1::text b': a pseudo-element (::text, ::attr(name), ::html) may only end it",
        "title=h1::attr()      | field 'title': selector 'h1::attr()': ::attr() takes one attribute name, e.g. ::attr(href)",
        "title=h1::attr(a b)   | field 'title': selector 'h1::attr(a b)': ::attr() takes one attribute name",
        "title=h1::nope        | field 'title': selector 'h1::nope' is not valid CSS",
    })
    void badOptionsGetAOneLineMessage(String option, String message) {
        assertThatThrownBy(() -> FieldSpec.parse(option))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void longSelectorsAndNamesAreRefusedWithTheirLength() {
        assertThatThrownBy(() -> FieldSpec.parse("t=" + "a ".repeat(600)))
                .hasMessage("field 't': selector of 1199 chars is longer than the 1000 allowed");
        assertThatThrownBy(() -> FieldSpec.parse("n".repeat(65) + "=h1"))
                .hasMessageContaining("at most 64 chars");
    }

    @Test
    void printsBackAsTheOptionItCameFrom() {
        assertThat(FieldSpec.parse("links[]=a::attr(href)")).hasToString("links[]=a::attr(href)");
    }
}
