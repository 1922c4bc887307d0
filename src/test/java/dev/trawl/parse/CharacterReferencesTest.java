package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The common character references are decoded as jsoup decodes them, in and out of attributes; others go to jsoup. */
class CharacterReferencesTest {
    @ParameterizedTest
    @ValueSource(strings = {"os \u2014 Miscellaneous &#8212; Python", "Tom &amp; Jerry", "a &lt;b&gt; &quot;c&quot;",
        "x&nbsp;y", "&#x2014;&#X2014;&#65;&#0065;&#x1F600;&#xa0;&#160;", "?a=1&amp;b=2", "no references",
        "&#x20;&#x7e;&#xd7ff;&#xe000;&#xfffd;&#x10000;&#x10ffff;"})
    void decodesTheCommonReferencesAsJsoup(String raw) {
        assertThat(CharacterReferences.decode(raw)).isNotNull()
                .isEqualTo(Parser.unescapeEntities(raw, true)).isEqualTo(Parser.unescapeEntities(raw, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&amp", "a=1&b=2", "&#65", "&#128;", "&#x9f;", "&#0;", "&#x7f;", "&#xd800;", "&#xffff;",
        "&#x110000;", "&#99999999;", "&AMP;", "&copy;", "&notin;", "&#;", "&#x;", "&#x&#65;", "&#\uFF10;", "&#x\uFF41;",
        "&ampx;", "& amp;", "&#12a;"})
    void leavesTheRestToJsoup(String raw) {
        assertThat(CharacterReferences.decode(raw)).isNull();
    }

    /** Random strings of references, near misses and text: whatever is decoded here is what jsoup decodes. */
    @Test
    void agreesWithJsoupOnRandomReferences() {
        String[] text = {"a", " ", "=", "\u00e9", "-", ";", "&", "x"};
        String[] names = {"amp", "lt", "gt", "quot", "nbsp", "AMP", "copy", "ampx", "notin", ""};
        Random random = new Random(13);
        int decoded = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--) {
                b.append(text[random.nextInt(text.length)]);
                b.append('&');
                switch (random.nextInt(3)) {
                    case 0 -> b.append('#').append(random.nextInt(0x120000));
                    case 1 -> b.append(random.nextBoolean() ? "#x" : "#X").append(Integer.toHexString(random.nextInt(0x120000)));
                    default -> b.append(names[random.nextInt(names.length)]);
                }
                if (random.nextInt(8) != 0) {
                    b.append(';');
                }
            }
            String raw = b.toString();
            String mine = CharacterReferences.decode(raw);
            if (mine != null) {
                decoded++;
                assertThat(mine).as(raw).isEqualTo(Parser.unescapeEntities(raw, true))
                        .isEqualTo(Parser.unescapeEntities(raw, false));
            }
        }
        System.out.println("random strings with references decoded here: " + decoded);
        assertThat(decoded).isGreaterThan(5_000);
    }
}
