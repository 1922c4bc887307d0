package dev.trawl.extract;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A quick timing, not a test (surefire ignores it): what extraction adds to a page already parsed by jsoup, and what
 * the jsoup parse itself costs, on one synthetic 17 KB product page (200 rows). Prints µs/page.
 * Run after test-compile: java -cp target/classes:target/test-classes:$(deps) dev.trawl.extract.ExtractionBenchmark
 */
final class ExtractionBenchmark {
    private ExtractionBenchmark() {}

    public static void main(String[] args) {
        StringBuilder html = new StringBuilder("<html><head><title>Item</title>"
                + "<script type=\"application/ld+json\">{\"name\": \"x\"}</script></head><body><h1>Runner</h1>");
        for (int i = 0; i < 200; i++) {
            html.append("<div class=\"row\"><a href=\"/p/").append(i).append("\">item ").append(i)
                    .append("</a> <span class=\"price\">").append(i).append(".99</span></div>\n");
        }
        String page = html.append("</body></html>").toString();
        ExtractionRules rules = ExtractionRules.of(List.of(FieldSpec.parse("title=h1::text"),
                FieldSpec.parse("prices[]=.price::text"), FieldSpec.parse("links[]=a::attr(href)"),
                FieldSpec.parse("ld=script[type=application/ld+json]::text"), FieldSpec.parse("row=div.row:has(a)")),
                List.of());
        Document doc = Jsoup.parse(page);
        int n = 5_000;
        for (int round = 0; round < 5; round++) {
            long sink = 0;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += rules.extract(doc, "https://shop.example/item").toJson().length();
            }
            double extractUs = (System.nanoTime() - start) / 1e3 / n;
            start = System.nanoTime();
            for (int i = 0; i < n / 5; i++) {
                sink += Jsoup.parse(page).childNodeSize();
            }
            double parseUs = (System.nanoTime() - start) / 1e3 / (n / 5);
            System.out.printf("%d chars: extract 5 fields + JSON %.1f µs/page, jsoup parse %.1f µs/page (%d)%n",
                    page.length(), extractUs, parseUs, sink % 10);
        }
    }
}
