package dev.trawl.crawl;

import dev.trawl.frontier.SkipReason;
import dev.trawl.parse.ParsedPage;
import java.util.List;

/**
 * A parsed page plus the links the crawl may follow (in scope, accepted by the filters, not too deep) and the ones
 * it would follow but a trap rule refuses, and the fields its extraction rules found (a JSON object, null when no
 * rule applies); or, with page null, the error code of a page that could not be given the memory its parse needs.
 */
record PageAnalysis(ParsedPage page, List<String> followable, List<Trapped> trapped, String fields, String error) {
    static final PageAnalysis NONE = new PageAnalysis(null, List.of(), List.of(), null, null);

    PageAnalysis {
        followable = List.copyOf(followable);
        trapped = List.copyOf(trapped);
    }

    static PageAnalysis refused(String error) {
        return new PageAnalysis(null, List.of(), List.of(), null, error);
    }

    /** A link a trap rule refused, and which rule. */
    record Trapped(String url, SkipReason reason) {}
}
