/**
 * Extraction rules (issue 11, "Keep what was fetched"): named CSS selectors whose values are kept with each page.
 *
 * <p>Entry points: {@link dev.trawl.extract.FieldSpec#parse} ({@code --extract NAME=SELECTOR}, a converter-ready
 * function), {@link dev.trawl.extract.RulesFile#load} ({@code --rules FILE}), {@link dev.trawl.extract.ExtractionRules}
 * (what the crawl holds: immutable, shared by the parse pool; {@code appliesTo(url)} says whether a page needs a jsoup
 * tree at all, {@code extract(doc, url)} reads it) and {@link dev.trawl.extract.ExtractedFields} (the values, their
 * JSON for storage, their CSV cells).
 *
 * <p>Design: selectors are jsoup's, compiled once per rule ({@link org.jsoup.select.Evaluator}s are thread-safe);
 * trawl adds only Scrapy's pseudo-elements at the end of a selector ({@code ::text}, {@code ::attr(name)}, and
 * {@code ::html}) and their values: {@code ::text} is a match's own text nodes, {@code " ::text"} with a space all
 * text under it, script/style contents included, each trimmed and blank ones skipped (parsel's conformance cases
 * in shared/conformance/selectors pass). A page is outsider input, so its fields are bounded
 * ({@link dev.trawl.extract.ExtractionLimits}) and a cut is recorded, not hidden; a rules file is user input, so
 * it is bounded too and every mistake is a one-line message naming the file, rule and field.
 *
 * <p>No nulls unless documented (a single field's value is null when its selector matched nothing).
 */
package dev.trawl.extract;
