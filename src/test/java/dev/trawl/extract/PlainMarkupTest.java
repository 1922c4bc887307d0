package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlainMarkup} against jsoup: whenever it reads a page, the tree it tells (elements with their attributes, in
 * order, and every text node that is not blank, trimmed) is the tree jsoup's parser builds. Checked on hand-written
 * pages, on pages it must decline, and on generated pages, mostly well nested with random faults.
 */
class PlainMarkupTest {

    /** The tree as PlainMarkup tells it, in the notation of {@link #jsoupTree}. */
    static String plainTree(String html) {
        StringBuilder out = new StringBuilder();
        boolean plain = PlainMarkup.read(html, new PlainMarkup.Listener() {
            @Override
            public void open(String name, TagAttributes attributes) {
                out.append('(').append(name);
                org.jsoup.nodes.Attributes copy = attributes.toJsoup();
                for (Attribute a : copy) out.append(' ').append(a.getKey()).append("=[").append(a.getValue()).append(']');
                out.append(' ');
            }

            @Override
            public void close() {
                out.append(") ");
            }

            @Override
            public void text(String text) {
                String t = text.strip();
                if (!t.isEmpty()) out.append('"').append(t).append("\" ");
            }

            @Override
            public boolean wantsText() {
                return true;
            }
        });
        return plain ? out.toString() : null;
    }

    /** jsoup's tree of html: "(name a=[v] children) " per element, "\"text\" " per non-blank text or data node. */
    static String jsoupTree(String html) {
        StringBuilder out = new StringBuilder();
        for (Node child : Jsoup.parse(html).childNodes()) write(child, out);
        return out.toString();
    }

    private static void write(Node node, StringBuilder out) {
        switch (node) {
            case Element e -> {
                out.append('(').append(e.normalName());
                // jsoup keeps some svg attribute names in svg's case (viewBox) and looks every name up regardless of case
                for (Attribute a : e.attributes()) out.append(' ').append(a.getKey().toLowerCase(java.util.Locale.ROOT))
                        .append("=[").append(a.getValue()).append(']');
                out.append(' ');
                for (Node child : e.childNodes()) write(child, out);
                out.append(") ");
            }
            case TextNode t -> {
                String s = t.getWholeText().strip();
                if (!s.isEmpty()) out.append('"').append(s).append("\" ");
            }
            case DataNode d -> {
                String s = d.getWholeData().strip();
                if (!s.isEmpty()) out.append('"').append(s).append("\" ");
            }
            default -> { } // comments, the doctype: not part of any value
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>A &amp; B</title></head><body><p>x</p></body></html>",
        "<title>t</title><p>no html, head or body tags",
        "hello <b>bold</b> world",
        "<html><body><div id=a class='x y'><a href=\"/p?a=1&amp;b=2\">l</a> t <!-- c --> u</div></body></html>\n",
        "<p>a <a href=x>b</a> c</p><p>d</p>",
        "<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>",
        "<head><script>if (a < b && c > d) { x = '</p>'; }</script><style>p{x:y}</style></head><body>t",
        "<body><textarea>a &lt; b <p></textarea><iframe src=x>raw <b></iframe>",
        "<div a=1 A=2 b c = \"3\" d='4'e=5>x</div>",
        "<p>1 < 2 and 3 <= 4 &copy &notin; &#x41;</p>",
        "<br/><img src=a alt=\"b\"/><input type=hidden value=&quot;q>",
        "<h1>h</h1><h2>i</h2><dl><dt>t</dt><dd>d</dd></dl>",
        "<body>\r\n<p>crlf\r\ntext</p>\r\n</body>",
        "<html><head></head><body></body></html><!-- trailing -->",
        "<div><p>one<p>two</div><p>three<h2>h</h2><ul><li>a<li>b<p>c</ul><dl><dt>t<dd>d</dl>",
        "<ul><li>a<ul><li>b<li>c</li></ul><li>d</ul>",
        "<body><noscript><div>JavaScript is off</div></noscript><p>x</body>",
        "<form><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><path d=\"M1z\" fill=\"#444\"></path></svg><input name=q></form>",
        "<p>icon <svg><g><circle r=\"1\"/></g><text>label</text></svg> after</p>",
        "<div><p>open at the end of the body</body></html>",
    })
    void readsPlainPagesAsJsoupDoes(String html) {
        String plain = plainTree(html);
        assertThat(plain).as("read without a tree: %s", html).isNotNull();
        assertThat(plain).isEqualTo(jsoupTree(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p><b>a<div>b</div></b>",                // a block closes the p, and the b inside it
        "<b><i>x</b></i>",                        // misnested: the adoption agency
        "<a href=1>x<a href=2>y</a></a>",         // an a in an a
        "<ul><li>a<div><li>b</div></ul>",         // an li closes the li around the div it is in
        "<p>x<main>y</main>",                     // main does not close a p in jsoup: it would nest
        "<table><tr><td>x</td></tr></table>",     // table modes
        "<div>x</span></div>",                    // a stray end tag
        "<svg><desc>d<b>x</b></desc></svg>",      // HTML inside svg again
        "<math><mi>x</mi></math>",                // MathML
        "<p>x</p></body><p>after</p>",            // content after the body
        "<body><body class=x>",                   // merged attributes
        "<div/>",                                 // a self-closed non-void element
        "<script><!-- <script></script> --></script>", // escaped script
        "<!doctype html><!doctype html>",         // a late doctype
        "<p>a\u0000b</p>",                        // NUL
        "<x:y>ns</x:y>",                          // a name jsoup reads otherwise
        "<h1><h2>x</h2></h1>",                    // a heading in a heading
        "<?php echo 1 ?>",                        // a bogus comment
    })
    void declinesWhatJsoupBuildsOtherwise(String html) {
        assertThat(plainTree(html)).as(html).isNull();
    }

    /** Each comment is checked within itself: a search per comment to the end of the page was quadratic. */
    @Test
    void aPageOfManyCommentsIsReadInLinearTime() {
        String html = "<p>x</p>" + "<!-- c -->".repeat(300_000) + "<p>y</p>";
        String tree = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> plainTree(html)); // a bound on a hang, not a speed target: linear takes milliseconds
        assertThat(tree).isEqualTo("(html (head ) (body (p \"x\" ) (p \"y\" ) ) ) ");
        assertThat(plainTree("<p>a<!-- x --!> y --></p>")).as("--!> ends a comment").isNull();
    }

    @Test
    void generatedPagesReadPlainAreJsoupsTree() {
        Random random = new Random(20261206);
        int plain = 0;
        int pages = 20_000;
        for (int i = 0; i < pages; i++) {
            String html = PageGenerator.page(random);
            String tree = plainTree(html);
            if (tree != null) {
                plain++;
                assertThat(tree).as("page %d: %s", i, html).isEqualTo(jsoupTree(html));
            }
        }
        System.out.printf("PlainMarkup: %d of %d generated pages read without a tree, each equal to jsoup's%n", plain, pages);
        assertThat(plain).as("pages read without a tree").isGreaterThan(pages / 4).isLessThan(pages);
    }

    /** Pages from a small grammar: mostly well nested, with one random fault in some. */
    static final class PageGenerator {
        private static final String[] BLOCKS = {"div", "p", "section", "nav", "main", "header", "ul", "ol", "h1", "h2",
            "article", "footer", "blockquote", "pre", "form", "table", "span", "custom-el"};
        private static final String[] INLINE = {"a", "b", "i", "em", "strong", "span", "code", "small", "label", "q"};
        private static final String[] TEXTS = {"word", " two words ", "a &amp; b", "x &lt; y", "1 < 2", "&copy", "&#169;",
            "caf\u00e9", "line\r\nbreak", "\t", "&notanentity;", "&ampx", "q\"uote", "it's", ">", "&#0;", "&#x110000;"};
        private static final String[] SVGS = {
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" class=x><path fill-rule=nonzero d=\"M1 2z\"></path></svg>",
            "<svg width=20><g id=g1><circle r=2 /><rect Width=3/></g><text x=1>svg text <tspan>more</tspan></text></svg>",
            "<svg/>", "<svg><title>t</title></svg>", "<svg><p>out</p></svg>", "<svg><foreignObject><div>x</div></foreignObject></svg>",
            "<svg><path/></SVG>", "<svg><linearGradient id=lg><stop offset=0 /></linearGradient></svg>"};
        private static final String[] ATTRIBUTES = {"class", "id", "href", "title", "data-x", "CLASS", "name", "rel", "lang"};
        private static final String[] VALUES = {"a", "b c", "", "x&amp;y", "&lt;", "1", "A B", "&copy=1", "p?q=1&r=2"};

        static String page(Random r) {
            StringBuilder b = new StringBuilder();
            if (r.nextInt(3) > 0) b.append("<!DOCTYPE html>");
            boolean explicit = r.nextBoolean();
            if (explicit) b.append("<html").append(attrs(r)).append(">\n<head>");
            if (r.nextBoolean()) b.append("<meta charset=\"utf-8\"").append(r.nextBoolean() ? "/>" : ">");
            if (r.nextBoolean()) b.append("<title>").append(text(r)).append("</title>");
            if (r.nextInt(4) == 0) b.append("<script>var a = 1 < 2 && '<b>';</script>");
            if (r.nextInt(4) == 0) b.append("<style>p > a { color: red }</style>");
            if (r.nextInt(5) == 0) b.append("<!-- head comment -->");
            if (explicit) b.append("</head>\n<body").append(attrs(r)).append(">\n");
            int blocks = 1 + r.nextInt(6);
            for (int i = 0; i < blocks; i++) block(r, b, 0);
            if (explicit) b.append("\n</body>\n</html>\n");
            if (r.nextInt(4) == 0) fault(r, b);
            return b.toString();
        }

        private static void block(Random r, StringBuilder b, int depth) {
            String name = BLOCKS[r.nextInt(BLOCKS.length)];
            if (name.equals("ul") || name.equals("ol")) {
                b.append('<').append(name).append(attrs(r)).append('>');
                for (int i = r.nextInt(4); i > 0; i--) {
                    b.append("<li").append(attrs(r)).append('>');
                    inline(r, b, depth + 1);
                    if (depth < 3 && r.nextInt(4) == 0) block(r, b, depth + 1);
                    if (r.nextInt(3) > 0) b.append("</li>"); // an li left open ends at the next or at the list's end
                }
                b.append("</").append(name).append('>');
                return;
            }
            if (name.equals("table")) {
                b.append("<table><tbody><tr><td>").append(text(r)).append("</td></tr></tbody></table>");
                return;
            }
            b.append('<').append(r.nextInt(8) == 0 ? name.toUpperCase() : name).append(attrs(r)).append('>');
            int parts = r.nextInt(4);
            for (int i = 0; i < parts; i++) {
                if (!name.equals("p") && !name.startsWith("h") && depth < 4 && r.nextInt(3) == 0) {
                    block(r, b, depth + 1);
                } else {
                    inline(r, b, depth + 1);
                }
                if (r.nextInt(6) == 0) b.append("<br>");
                if (r.nextInt(9) == 0) b.append("<img src=\"i.png\" alt='").append(text(r).replace("'", "")).append("'>");
                if (r.nextInt(12) == 0) b.append("<!-- c -->");
                if (r.nextInt(15) == 0) b.append(SVGS[r.nextInt(SVGS.length)]);
            }
            if (!name.equals("p") || r.nextInt(3) > 0) b.append("</").append(name).append('>'); // a p may stay open
        }

        private static void inline(Random r, StringBuilder b, int depth) {
            b.append(text(r));
            if (depth < 6 && r.nextInt(3) == 0) {
                String name = INLINE[r.nextInt(INLINE.length)];
                b.append('<').append(name).append(attrs(r)).append('>');
                inline(r, b, depth + 1);
                b.append("</").append(name).append('>');
                b.append(text(r));
            }
        }

        private static String text(Random r) {
            return TEXTS[r.nextInt(TEXTS.length)] + (r.nextBoolean() ? " " + TEXTS[r.nextInt(TEXTS.length)] : "");
        }

        private static String attrs(Random r) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(3); i > 0; i--) {
                b.append(' ').append(ATTRIBUTES[r.nextInt(ATTRIBUTES.length)]);
                String v = VALUES[r.nextInt(VALUES.length)];
                switch (r.nextInt(5)) {
                    case 0 -> { } // no value
                    case 1 -> b.append("='").append(v).append('\'');
                    case 2 -> b.append('=').append(v.isEmpty() || v.contains(" ") ? "z" : v);
                    default -> b.append("=\"").append(v).append('"');
                }
            }
            return b.toString();
        }

        /** One fault somewhere: a stray, missing or misplaced tag, an odd token. */
        private static void fault(Random r, StringBuilder b) {
            String[] faults = {"</div>", "<p>", "<div>", "</b>", "<b>", "<li>", "<a href=z>", "</a>", "<!-->", "<![CDATA[x]]>",
                "<?x?>", "</>", "<body class=q>", "<html lang=x>", "<td>", "<svg>", "<noscript>n</noscript>", "<h3>",
                "<select><option>o</select>", "<template>t</template>", "<br/>", "<div/>", "text", "&amp;", "<!--->"};
            int at = r.nextInt(b.length() + 1);
            while (at < b.length() && at > 0 && b.charAt(at - 1) != '>') at++; // between tags, not inside one
            b.insert(at, faults[r.nextInt(faults.length)]);
        }
    }
}
