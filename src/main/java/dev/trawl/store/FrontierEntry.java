package dev.trawl.store;

/** A URL known to the crawl: pending until its {@link PageRecord} is stored, then done. */
public record FrontierEntry(String url, int depth) {}
