package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What `trawl extract --debug` says about the pages that needed jsoup's tree. */
class TreeReasonsTest {
    private static ExtractionRules rules(String selector) {
        return new ExtractionRules(List.of(UrlRule.everyPage(List.of(FieldSpec.of("f", selector)))),
                ExtractionLimits.DEFAULT);
    }

    @Test
    void countsTheMarkupWherePagesStopBeingPlainAndSelectorsThatNeedATree() {
        TreeReasons reasons = new TreeReasons();
        ExtractionRules text = rules("h1::text");
        reasons.count(text, "<h1>x</h1><table><tr><td>1</table>", "http://h/1");
        reasons.count(text, "<div><TABLE><tr><td>2</table></div>", "http://h/2");
        reasons.count(text, "<p>a</p></p>", "http://h/3");
        reasons.count(rules("div::html"), "<div>plain</div>", "http://h/4");
        assertThat(reasons.sorted()).containsExactly(java.util.Map.entry("<table", 2L), java.util.Map.entry("</p", 1L),
                java.util.Map.entry("selector div::html", 1L));
    }

    @Test
    void keepsAtMostTwentyReasonsFromPages() {
        TreeReasons reasons = new TreeReasons();
        ExtractionRules text = rules("h1::text");
        for (int i = 0; i < 100; i++) reasons.count(text, "<h1>x</h1><t" + i + ":x>", "http://h/"); // 100 names
        assertThat(reasons.sorted()).hasSize(TreeReasons.MAX_REASONS + 1).containsEntry("<t0", 1L)
                .containsEntry("other", 100L - TreeReasons.MAX_REASONS);
    }
}
