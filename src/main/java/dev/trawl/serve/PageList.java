package dev.trawl.serve;

import java.util.List;

/** The pages table: which rows, in which order, from where; and one screenful of them. */
final class PageList {
    private PageList() {}

    /** Sortable columns: the SQL each sorts by (NULLs folded, as the indexes of schema version 5 are) and its tie-breaker. */
    enum Sort {
        ID("p.frontier_id", null, Kind.NUMBER),
        URL("f.url", null, Kind.TEXT),
        STATUS("COALESCE(p.status, 0)", "p.frontier_id", Kind.NUMBER),
        DEPTH("f.depth", "f.id", Kind.NUMBER),
        FETCHED("COALESCE(p.fetched_at, '')", "p.frontier_id", Kind.TEXT),
        TITLE("COALESCE(p.title, '')", "p.frontier_id", Kind.TEXT);

        enum Kind { NUMBER, TEXT }

        final String key;
        /** null when the key alone is unique */
        final String tieBreaker;
        final Kind kind;

        Sort(String key, String tieBreaker, Kind kind) {
            this.key = key;
            this.tieBreaker = tieBreaker;
            this.kind = kind;
        }

        String param() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Where a screenful starts: the sort key and id of the row just before it (or just after it, going back).
     *
     * @param key the sort key as text, checked against the sort's kind
     */
    record Cursor(long id, String key) {}

    /**
     * @param search       case-insensitive substring of URL or title, or null
     * @param statusFilter one of {@link ReportQueries#STATUS_FILTERS}, or null for all
     * @param after        rows after this one, or null
     * @param before       rows before this one (the previous screenful), or null; not together with after
     */
    record Query(String search, String statusFilter, Sort sort, boolean descending, Cursor after, Cursor before, int limit) {}

    /** One row of the table. */
    record Row(long id, String url, Integer status, String title, int depth, String error, String fetchedAt, String sortKey) {
        Cursor cursor() {
            return new Cursor(id, sortKey);
        }
    }

    /** A screenful, in display order, and whether there are rows before and after it. */
    record Slice(List<Row> rows, boolean hasPrevious, boolean hasNext) {}
}
