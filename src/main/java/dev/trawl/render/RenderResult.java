package dev.trawl.render;

/** What rendering one page gave. */
public sealed interface RenderResult {
    /**
     * The page's DOM as the browser had it when it settled or its deadline came, serialized.
     *
     * @param settled false when the deadline came first (the page kept changing or requesting)
     */
    record Rendered(String html, boolean settled) implements RenderResult {}

    /** No DOM: the browser failed, the page hung its renderer, or the DOM was over the size limit. reason: for --debug. */
    record Failed(String reason) implements RenderResult {}
}
