/**
 * Turns fetched HTML bytes into a {@link dev.trawl.parse.ParsedPage}: decides the charset the way browsers do
 * (WHATWG encoding sniffing), reads the page's tags with a streaming scanner that gives what jsoup's DOM would give
 * (jsoup parses the pages the scanner leaves to it), and extracts title, links and metadata. No nulls unless
 * documented.
 */
package dev.trawl.parse;
