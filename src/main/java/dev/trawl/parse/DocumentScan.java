package dev.trawl.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The raw values trawl wants from a page. Hrefs are kept as written, because the base href they resolve against may
 * come after them.
 *
 * <p>Two readers fill it: {@link #of(Document)} walks a jsoup DOM, and {@link TagScanner} reads the tags of the
 * page without building one. Both feed their elements, in document order, to the same rules below ({@link #title},
 * {@link #base}, ...), so the only thing the scanner has to get right is which elements exist, in what order and
 * with what attribute values.
 */
final class DocumentScan {
    String title;
    String baseHref;
    String description;
    String canonicalHref;
    String language;
    final List<String> linkHrefs = new ArrayList<>(64);

    DocumentScan() {}

    static DocumentScan of(Document doc) {
        DocumentScan scan = new DocumentScan();
        for (Element el : doc.getAllElements()) {
            scan.visit(el);
        }
        Element root = doc.firstElementChild();
        if (root != null) {
            scan.language(attr(root, "lang"));
        }
        return scan;
    }

    private void visit(Element el) {
        switch (el.normalName()) {
            case "a", "area" -> link(attr(el, "href"));
            case "frame", "iframe" -> link(attr(el, "src"));
            case "title" -> {
                // An SVG <title> is a tooltip, not the document title
                if (Parser.NamespaceHtml.equals(el.tag().namespace())) {
                    title(el.wholeText());
                }
            }
            case "base" -> base(attr(el, "href"));
            case "meta" -> meta(attr(el, "name"), attr(el, "content"));
            case "link" -> linkElement(attr(el, "rel"), attr(el, "href"));
            default -> { }
        }
    }

    /** The attribute's value, null when the element has no such attribute (a valueless attribute is ""). */
    private static String attr(Element el, String name) {
        return el.hasAttr(name) ? el.attr(name) : null;
    }

    // The rules, one per element kind. Each takes attribute values as the element has them: null when absent.

    /** An a, area, frame or iframe element with its href (src) value. */
    void link(String href) {
        if (href != null) {
            linkHrefs.add(href);
        }
    }

    /** An HTML title element with its text; the first one is the title. */
    void title(String text) {
        if (title == null) {
            title = Whitespace.collapse(text);
        }
    }

    /** A base element; the spec uses the first base that has an href. */
    void base(String href) {
        if (baseHref == null && href != null) {
            baseHref = href;
        }
    }

    /** A meta element; the first name=description (any case) with a content attribute is the description. */
    void meta(String name, String content) {
        if (description == null && name != null && name.equalsIgnoreCase("description") && content != null) {
            description = Whitespace.collapse(content);
        }
    }

    /** A link element; the first with an href and a rel holding the token "canonical" is the canonical URL. */
    void linkElement(String rel, String href) {
        if (canonicalHref == null && href != null && Whitespace.hasToken(rel == null ? "" : rel, "canonical")) {
            canonicalHref = href;
        }
    }

    /** The lang attribute of the document's root element, null when it has none. */
    void language(String lang) {
        language = lang == null ? null : Whitespace.strip(lang);
    }
}
