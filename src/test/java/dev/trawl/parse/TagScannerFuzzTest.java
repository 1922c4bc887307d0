package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing with fixed seeds: many generated pages, each checked scanner-against-jsoup. Complements the
 * jqwik properties (which shrink a failure to a small page) with volume, and reports how many pages stayed on the
 * fast path, so that a scanner that bails out on everything cannot pass.
 */
class TagScannerFuzzTest {
    static final int HOSTILE_PAGES = 20_000;
    static final int STRUCTURED_PAGES = 5_000;
    static final int TABLE_PAGES = 20_000;
    static final int DEEP_PAGES = 3_000;
    static final int FOREIGN_PAGES = 20_000;

    @Test
    void hostilePagesGiveJsoupsValues() {
        Tally tally = run(HOSTILE_PAGES, 20260101L, HostileHtml::hostile);
        System.out.println("hostile pages: " + tally);
        assertThat(tally.fast).as("pages read by the scanner").isGreaterThan(HOSTILE_PAGES / 4);
    }

    @Test
    void structuredPagesGiveJsoupsValues() {
        Tally tally = run(STRUCTURED_PAGES, 42L, HostileHtml::structured);
        System.out.println("structured pages: " + tally);
        assertThat(tally.fast).as("pages read by the scanner").isGreaterThan(STRUCTURED_PAGES * 3 / 4);
    }

    @Test
    void deepPagesGiveJsoupsValues() {
        Tally tally = run(DEEP_PAGES, 512L, HostileHtml::deepNesting);
        System.out.println("deep pages: " + tally);
        assertThat(tally.fast).as("pages read by the scanner").isGreaterThan(DEEP_PAGES / 4);
    }

    @Test
    void foreignContentGivesJsoupsValues() {
        Tally tally = run(FOREIGN_PAGES, 2000L, HostileHtml::foreign);
        System.out.println("svg and math pages: " + tally);
        assertThat(tally.fast).as("pages read by the scanner").isGreaterThan(FOREIGN_PAGES / 4);
    }

    /**
     * UTF-8 pages, the scanner reading their bytes (Utf8View), with bytes that are not UTF-8 anywhere (names, values,
     * titles): the whole parse against jsoup's on the decoded page.
     */
    @Test
    void utf8BytesWithBrokenSequencesGiveJsoupsValues() {
        Random random = new Random(8);
        byte[][] broken = {{(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}};
        int fast = 0;
        for (int i = 0; i < 3_000; i++) {
            String html = switch (i % 3) {
                case 0 -> HostileHtml.hostile(random);
                case 1 -> HostileHtml.foreign(random);
                default -> HostileHtml.structured(random);
            };
            java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream();
            byte[] utf8 = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int at = 0;
            for (int cuts = random.nextInt(6); cuts > 0 && utf8.length > 0; cuts--) {
                int next = at + random.nextInt(Math.max(1, utf8.length - at));
                page.write(utf8, at, next - at);
                page.writeBytes(broken[random.nextInt(broken.length)]);
                at = next;
            }
            page.write(utf8, at, utf8.length - at);
            byte[] body = page.toByteArray();
            try {
                Jsoup.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8), "");
            } catch (RuntimeException jsoupBug) {
                continue; // jsoup 1.24.1 throws on a few template pages ("no template insertion mode on stack")
            }
            if (ScanDiff.assertSameAsJsoup(body, body.length, "text/html; charset=utf-8", "http://fuzz.test/d/p.html")) {
                fast++;
            }
        }
        System.out.println("UTF-8 pages with broken sequences: " + fast + " of 3000 on the fast path");
        assertThat(fast).isGreaterThan(750);
    }

    @Test
    void tableChaosGivesJsoupsValues() {
        Tally tally = run(TABLE_PAGES, 7L, HostileHtml::tableChaos);
        System.out.println("table chaos pages: " + tally);
        assertThat(tally.fast).as("pages read by the scanner").isGreaterThan(TABLE_PAGES / 10);
    }

    /**
     * The scanner's bound on jsoup's open-element stack must never be below the real depth: jsoup limited to one
     * element more than the bound's highest value must build exactly the tree it builds without a limit (else it
     * pruned, and the bound was wrong).
     */
    @Test
    void stackBoundIsAnUpperBound() {
        Random random = new Random(99);
        int checked = 0;
        int deep = 0;
        for (int i = 0; i < 7_500; i++) {
            String html = switch (i % 5) {
                case 0 -> HostileHtml.hostile(random);
                case 1 -> HostileHtml.tableChaos(random);
                case 2 -> HostileHtml.deepNesting(random);
                case 3 -> HostileHtml.foreign(random);
                default -> HostileHtml.structured(random);
            };
            int bound = TagScanner.stackBound(html);
            if (bound < 0) {
                continue;
            }
            checked++;
            if (bound > 100) {
                deep++;
            }
            String unlimited = Jsoup.parse(html, "", Parser.htmlParser().setMaxDepth(Integer.MAX_VALUE)).outerHtml();
            String limited = Jsoup.parse(html, "", Parser.htmlParser().setMaxDepth(bound + 1)).outerHtml();
            assertThat(limited).as("jsoup limited to %d open elements on %s", bound + 1, ScanDiff.show(html))
                    .isEqualTo(unlimited);
        }
        System.out.println("stack bound checked on " + checked + " pages, " + deep + " of them over 100 deep");
        assertThat(checked).isGreaterThan(3_000);
        assertThat(deep).isGreaterThan(300);
    }

    private static Tally run(int pages, long seed, java.util.function.Function<Random, String> generator) {
        Random random = new Random(seed);
        Tally tally = new Tally();
        for (int i = 0; i < pages; i++) {
            String html = generator.apply(random);
            if (ScanDiff.check(html)) {
                tally.fast++;
            } else {
                tally.bails.merge(TagScanner.bailReason(html), 1, Integer::sum);
            }
        }
        return tally;
    }

    private static final class Tally {
        int fast;
        final Map<JsoupFallback, Integer> bails = new EnumMap<>(JsoupFallback.class);

        @Override
        public String toString() {
            return fast + " on the fast path, bailed out: " + bails;
        }
    }
}
