package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainMarkup} on real documentation: the Python 3.11 docs of Debian's python3.11-doc (.ci/run installs it).
 * Every page it reads has jsoup's tree, and most pages are read (the others have tables).
 */
class PlainMarkupRealPagesTest {
    private static final Path DOCS = Path.of("/usr/share/doc/python3.11/html");

    @Test
    void pythonDocsReadWithoutATreeAreJsoupsTrees() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DOCS), "skipped: " + DOCS + " is missing (apt-get install python3.11-doc)");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(DOCS)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        List<String> declined = new ArrayList<>();
        int plain = 0;
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            String tree = PlainMarkupTest.plainTree(html);
            if (tree == null) {
                declined.add(PlainMarkup.declinedAt(html));
                continue;
            }
            plain++;
            assertThat(tree).as(page.toString()).isEqualTo(PlainMarkupTest.jsoupTree(html));
        }
        System.out.printf("PlainMarkup on %s: %d of %d pages read without a tree, each equal to jsoup's%n", DOCS, plain,
                pages.size());
        assertThat(plain).as("pages read without a tree").isGreaterThan(pages.size() / 2);
        assertThat(declined).as("where the others stop being plain").allSatisfy(why -> assertThat(why).isNotNull());
    }

    @Test
    void declinedAtNamesTheMarkupAndWhatIsOpen() {
        assertThat(PlainMarkup.declinedAt("<p>plain</p>")).isNull();
        assertThat(PlainMarkup.declinedAt("<div><p>x</p><table><tr><td>y</table></div>"))
                .isEqualTo("<table><tr><td>y</table></div> (in html body div)");
    }
}
