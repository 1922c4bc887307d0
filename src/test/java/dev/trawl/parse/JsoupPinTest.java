package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The tag scanner follows one jsoup release: a change of jsoup in pom.xml must not pass unnoticed, because the
 * scanner would then keep giving the old release's answers where the new one's differ.
 */
class JsoupPinTest {
    @Test
    void theJsoupOnTheClassPathIsTheOneTheScannerFollows() {
        String running = Jsoup.class.getPackage().getImplementationVersion();
        assertThat(running)
                .as("jsoup %s is on the class path but TagScanner follows %s: run TagScannerFuzzTest, PageParserFuzzTest"
                        + " and TagScannerTest against it, review the release's tokeniser and tree-builder changes,"
                        + " then update TagScanner.JSOUP_VERSION", running, TagScanner.JSOUP_VERSION)
                .isEqualTo(TagScanner.JSOUP_VERSION);
    }
}
