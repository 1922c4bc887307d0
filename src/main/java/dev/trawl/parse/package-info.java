/**
 * Turns fetched HTML bytes into a {@link dev.trawl.parse.ParsedPage}: decides the charset the way browsers do
 * (WHATWG encoding sniffing), parses with jsoup, and extracts title, links and metadata. No nulls unless documented.
 */
package dev.trawl.parse;
