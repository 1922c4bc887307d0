package dev.trawl.crawl;

import dev.trawl.fetch.HttpAnswer;
import dev.trawl.memory.MemoryBudget;
import dev.trawl.render.PageResources;
import dev.trawl.render.RenderMode;
import dev.trawl.render.RenderResult;
import dev.trawl.render.Renderer;
import java.nio.charset.StandardCharsets;

/**
 * The crawl's seam for --render: after a page's static parse and before its record, a page that --render picks
 * (always: every 2xx HTML page; auto: those the parse found to be app shells) is loaded in the browser, and its
 * rendered DOM is analysed like a fetched page (title, links, description, ... from the DOM). When rendering fails,
 * the page keeps its static reading, not marked rendered.
 */
final class PageRendering {
    /** Renders nothing. */
    static final PageRendering NONE = new PageRendering(RenderMode.NEVER, null, null);
    private final RenderMode mode;
    private final Renderer renderer;
    private final PageResources resources;

    PageRendering(RenderMode mode, Renderer renderer, PageResources resources) {
        this.mode = mode;
        this.renderer = renderer;
        this.resources = resources;
    }

    /** The analysis the page's record gets: the static one, or the rendered DOM's when the page is rendered. */
    PageAnalysis apply(PageAnalysis statics, HttpAnswer.Response response, String url, int depth, PageAnalyzer analyzer)
            throws InterruptedException {
        if (!wants(statics)) return statics;
        RenderResult result = renderer.render(url, response, resources);
        if (!(result instanceof RenderResult.Rendered rendered)) return statics;
        byte[] dom = rendered.html().getBytes(StandardCharsets.UTF_8);
        MemoryBudget.current().adopt(dom.length); // given back with the page's claim, when its record is handed over
        // the rendered DOM read as the server's response would be (status and headers kept), so that the parse, the
        // extraction rules and the library's handler all see what the browser made
        var asServed = new HttpAnswer.Response(response.status(), "text/html; charset=utf-8", null, null, dom, dom.length,
                response.statusLine(), response.headers(), dom, dom.length);
        PageAnalysis analysis = analyzer.analyze(asServed, url, depth);
        return analysis.error() != null ? statics : analysis.asRendered(statics.page().charset());
    }

    private boolean wants(PageAnalysis statics) {
        if (statics.page() == null || mode == RenderMode.NEVER) return false;
        return mode == RenderMode.ALWAYS || statics.page().appShell();
    }
}
