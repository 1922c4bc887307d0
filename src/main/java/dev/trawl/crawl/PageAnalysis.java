package dev.trawl.crawl;

import dev.trawl.parse.ParsedPage;
import java.util.List;

/**
 * A parsed page plus the links the crawl may follow (in scope, accepted by the filters, not too deep); or, with
 * page null, the error code of a page that could not be given the memory its parse needs.
 */
record PageAnalysis(ParsedPage page, List<String> followable, String error) {
    static final PageAnalysis NONE = new PageAnalysis(null, List.of(), null);

    PageAnalysis(ParsedPage page, List<String> followable) {
        this(page, followable, null);
    }

    static PageAnalysis refused(String error) {
        return new PageAnalysis(null, List.of(), error);
    }
}
