package dev.trawl.store;

import java.time.Instant;

/**
 * One attempted URL as read back for export.
 *
 * @param outlinksJson the page's outlinks as a JSON array of strings (as stored), "[]" when none
 */
public record ExportRow(
        String url,
        String finalUrl,
        Integer status,
        int depth,
        String contentType,
        String title,
        String error,
        Instant fetchedAt,
        String outlinksJson) {}
