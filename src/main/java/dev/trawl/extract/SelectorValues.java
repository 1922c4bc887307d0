package dev.trawl.extract;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;

/**
 * Applies one {@link FieldSelector} to a tree and hands its values, in document order, to a {@link Sink} that may stop
 * early (a single-valued field wants the first only). The values are Scrapy's: a text node's whole text (script and
 * style contents count, as lxml sees them), trimmed, blank ones skipped; an attribute's value as written.
 */
final class SelectorValues {
    /** Receives values; returns false to stop. */
    interface Sink {
        boolean accept(String value);
    }

    private SelectorValues() {}

    static void collect(FieldSelector selector, Element root, Sink sink) {
        Elements matches = root.select(selector.evaluator());
        Element lastTree = null;
        for (Element match : matches) {
            if (selector.descendants()) {
                // matches come in document order: one nested in the last tree walked was walked with it
                if (lastTree != null && isInside(match, lastTree)) {
                    continue;
                }
                lastTree = match;
            }
            if (!collectFrom(selector, match, sink)) {
                return;
            }
        }
    }

    private static boolean collectFrom(FieldSelector selector, Element match, Sink sink) {
        return switch (selector.output()) {
            case OUTER_HTML -> sink.accept(match.outerHtml());
            case INNER_HTML -> selector.descendants() ? eachElement(match, e -> sink.accept(e.html())) : sink.accept(match.html());
            case TEXT -> selector.descendants() ? descendantTexts(match, sink) : ownTexts(match, sink);
            case ATTRIBUTE -> selector.descendants()
                    ? eachElement(match, e -> attribute(e, selector.attribute(), sink))
                    : attribute(match, selector.attribute(), sink);
        };
    }

    private static boolean ownTexts(Element element, Sink sink) {
        for (Node child : element.childNodes()) {
            if (!text(child, sink)) {
                return false;
            }
        }
        return true;
    }

    private static boolean descendantTexts(Element element, Sink sink) {
        boolean[] going = {true};
        element.filter((node, depth) -> {
            going[0] = text(node, sink);
            return going[0] ? NodeFilter.FilterResult.CONTINUE : NodeFilter.FilterResult.STOP;
        });
        return going[0];
    }

    /** True to go on; a node that is not text goes on without a value. */
    private static boolean text(Node node, Sink sink) {
        String text = switch (node) {
            case TextNode t -> t.getWholeText(); // CDataNode too
            case DataNode d -> d.getWholeData(); // <script>, <style>: JSON-LD is read this way
            default -> null;
        };
        if (text == null) {
            return true;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() || sink.accept(trimmed);
    }

    private static boolean attribute(Element element, String name, Sink sink) {
        return !element.hasAttr(name) || sink.accept(element.attr(name));
    }

    private static boolean eachElement(Element tree, ElementSink perElement) {
        for (Element element : tree.getAllElements()) { // the tree's root first, then document order
            if (!perElement.accept(element)) {
                return false;
            }
        }
        return true;
    }

    private interface ElementSink {
        boolean accept(Element element);
    }

    private static boolean isInside(Element element, Element ancestor) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent == ancestor) {
                return true;
            }
        }
        return false;
    }
}
