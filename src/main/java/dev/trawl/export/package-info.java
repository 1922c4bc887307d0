/**
 * Writes a store's attempted URLs as JSONL or CSV, streaming row by row so memory stays flat however large the
 * crawl. {@link dev.trawl.export.Exports} is the entry point. No nulls unless documented.
 */
package dev.trawl.export;
