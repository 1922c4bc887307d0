package dev.trawl.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The raw values trawl wants from a parsed document, collected in one walk over its elements. Hrefs are kept as
 * written, because the base href they resolve against may come after them.
 */
final class DocumentScan {
    String title;
    String baseHref;
    String description;
    String canonicalHref;
    String language;
    final List<String> linkHrefs = new ArrayList<>();

    private DocumentScan() {}

    static DocumentScan of(Document doc) {
        DocumentScan scan = new DocumentScan();
        for (Element el : doc.getAllElements()) {
            scan.visit(el);
        }
        Element root = doc.firstElementChild();
        if (root != null && root.hasAttr("lang")) {
            scan.language = Whitespace.strip(root.attr("lang"));
        }
        return scan;
    }

    private void visit(Element el) {
        switch (el.normalName()) {
            case "a", "area" -> addLink(el, "href");
            case "frame", "iframe" -> addLink(el, "src");
            case "title" -> title(el);
            case "base" -> {
                if (baseHref == null && el.hasAttr("href")) {
                    baseHref = el.attr("href"); // the spec uses the first base that has an href
                }
            }
            case "meta" -> description(el);
            case "link" -> canonical(el);
            default -> { }
        }
    }

    private void addLink(Element el, String attribute) {
        if (el.hasAttr(attribute)) {
            linkHrefs.add(el.attr(attribute));
        }
    }

    private void title(Element el) {
        // An SVG <title> is a tooltip, not the document title
        if (title == null && Parser.NamespaceHtml.equals(el.tag().namespace())) {
            title = Whitespace.collapse(el.wholeText());
        }
    }

    private void description(Element el) {
        if (description == null && el.attr("name").equalsIgnoreCase("description") && el.hasAttr("content")) {
            description = Whitespace.collapse(el.attr("content"));
        }
    }

    private void canonical(Element el) {
        if (canonicalHref == null && el.hasAttr("href") && Whitespace.hasToken(el.attr("rel"), "canonical")) {
            canonicalHref = el.attr("href");
        }
    }
}
