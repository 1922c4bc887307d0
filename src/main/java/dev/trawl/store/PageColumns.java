package dev.trawl.store;

import dev.trawl.parse.ParsedPage;
import java.util.List;
import java.util.function.Function;

/**
 * The one description of what a page row stores and what an export shows. The SQL of both stores (the upserts of
 * {@link BatchStatements} and {@link PostgresBatch}), the export query ({@link StoreReads}) and both exporters are
 * made from these lists, so a new field is a column here, an export field here, and the migration that adds it.
 */
public final class PageColumns {
    private PageColumns() {}

    /** How a value is bound and read: the SQL types both databases share. */
    public enum Type {
        TEXT("text"), INTEGER("int4"), BIGINT("int8");

        /** The PostgreSQL array element type, for unnest(). */
        final String arrayType;

        Type(String arrayType) {
            this.arrayType = arrayType;
        }
    }

    /** A column of {@code pages} and how a record fills it (null for SQL NULL). */
    record Column(String name, Type type, Function<PageRecord, Object> value) {}

    /** The columns of {@code pages} besides frontier_id, in the order the statements bind them. */
    static final List<Column> STORED = List.of(
            new Column("final_url", Type.TEXT, PageColumns::finalUrl),
            new Column("status", Type.INTEGER, r -> reply(r, PageOutcome.Reply::status)),
            new Column("content_type", Type.TEXT, r -> reply(r, PageOutcome.Reply::contentType)),
            new Column("title", Type.TEXT, r -> page(r, ParsedPage::title)),
            new Column("error", Type.TEXT, r -> r.outcome().error()),
            new Column("fetched_at", Type.TEXT, r -> Timestamps.format(r.fetchedAt())),
            new Column("description", Type.TEXT, r -> page(r, ParsedPage::description)),
            new Column("canonical", Type.TEXT, r -> page(r, ParsedPage::canonical)),
            new Column("language", Type.TEXT, r -> page(r, ParsedPage::language)),
            new Column("charset", Type.TEXT, r -> page(r, ParsedPage::charset)),
            new Column("body_bytes", Type.BIGINT, r -> orZero(reply(r, PageOutcome.Reply::bodyBytes))),
            new Column("elapsed_ms", Type.BIGINT, r -> orZero(reply(r, PageOutcome.Reply::elapsedMillis))),
            new Column("links_cut", Type.INTEGER, r -> r.outcome().page() == null ? 0 : r.outcome().page().linksCut()),
            new Column("fields", Type.TEXT, r -> r.outcome() instanceof PageOutcome.Fetched f ? f.fields() : null),
            new Column("digest", Type.TEXT, PageColumns::digest),
            new Column("rendered", Type.INTEGER, r -> r.outcome() instanceof PageOutcome.Fetched f && f.rendered() ? 1 : 0),
            new Column("etag", Type.TEXT, r -> validators(r).etag()),
            new Column("last_modified", Type.TEXT, r -> validators(r).lastModified()),
            new Column("change", Type.TEXT, r -> r.change() == null ? null : r.change().code()));

    /**
     * The columns a 304 ({@link PageOutcome.NotModified}) updates in the stored row; the others keep the earlier
     * response's values (status, title, fields, digest, ...), as does its links row.
     */
    static final List<String> REFRESHED_WHEN_NOT_MODIFIED =
            List.of("fetched_at", "elapsed_ms", "etag", "last_modified", "change");

    /**
     * The columns of {@code fetches}, the fetch history (besides frontier_id): a row per stored outcome, appended in
     * the same transaction as the pages row, so a recrawl keeps every earlier fetch queryable. Same values as the
     * pages row, except that a 304's status is 304 there.
     */
    static final List<Column> HISTORY = STORED.stream().filter(c -> List.of("final_url", "status", "error",
            "fetched_at", "elapsed_ms", "digest", "etag", "last_modified", "change").contains(c.name())).toList();

    /** How an export writes a field's value. */
    public enum Kind {
        /** a string, or null */
        TEXT,
        /** a whole number, or null */
        INTEGER,
        /** 0 or 1 stored; true or false in JSON lines, as it is in CSV */
        BOOLEAN,
        /** a stored timestamp (ISO-8601 text) */
        TIME,
        /** a JSON array of strings as stored; JSONL only */
        JSON_LINKS,
        /** a JSON object of extracted fields as stored, or null; in CSV one column per field name */
        JSON_FIELDS
    }

    /**
     * A field of the export: its name, the SQL that reads it from pages p, frontier f and links l, and its kind.
     */
    public record Field(String name, String sql, Kind kind) {}

    /** The export's fields, in the documented order. */
    public static final List<Field> EXPORTED = List.of(
            new Field("url", "f.url", Kind.TEXT),
            new Field("final_url", "p.final_url", Kind.TEXT),
            new Field("status", "p.status", Kind.INTEGER),
            new Field("depth", "f.depth", Kind.INTEGER),
            new Field("content_type", "p.content_type", Kind.TEXT),
            new Field("title", "p.title", Kind.TEXT),
            new Field("error", "p.error", Kind.TEXT),
            new Field("fetched_at", "p.fetched_at", Kind.TIME),
            new Field("digest", "p.digest", Kind.TEXT),
            new Field("rendered", "p.rendered", Kind.BOOLEAN),
            // --sitemaps: the sitemap that listed the URL and its lastmod (one index seek a row)
            new Field("sitemap", "(SELECT s.sitemap FROM sitemap_urls s WHERE s.url_key = f.url_key)", Kind.TEXT),
            new Field("lastmod", "(SELECT s.lastmod FROM sitemap_urls s WHERE s.url_key = f.url_key)", Kind.TEXT),
            new Field("outlinks", "COALESCE(l.targets, '[]')", Kind.JSON_LINKS),
            new Field("fields", "p.fields", Kind.JSON_FIELDS),
            new Field("change", "p.change", Kind.TEXT));

    private static String finalUrl(PageRecord r) {
        if (r.outcome() instanceof PageOutcome.Failed f) return f.lastUrl();
        return reply(r, PageOutcome.Reply::finalUrl);
    }

    /** The payload this fetch stands for: a 304's is the earlier response's, which it confirmed. */
    private static String digest(PageRecord r) {
        if (r.outcome() instanceof PageOutcome.NotModified && r.previous() != null) return r.previous().digest();
        return reply(r, PageOutcome.Reply::digest);
    }

    /** A 304 need not repeat the validators (RFC 9110 §15.4.5): those it leaves out stay as they were. */
    private static Validators validators(PageRecord r) {
        PageOutcome.Reply reply = r.outcome().reply();
        Validators now = reply == null ? Validators.NONE : reply.validators();
        if (!(r.outcome() instanceof PageOutcome.NotModified) || r.previous() == null) return now;
        Validators before = r.previous().validators();
        return new Validators(now.etag() != null ? now.etag() : before.etag(),
                now.lastModified() != null ? now.lastModified() : before.lastModified());
    }

    private static <T> T reply(PageRecord r, Function<PageOutcome.Reply, T> part) {
        PageOutcome.Reply reply = r.outcome().reply();
        return reply == null ? null : part.apply(reply);
    }

    private static <T> T page(PageRecord r, Function<ParsedPage, T> part) {
        ParsedPage page = r.outcome().page();
        return page == null ? null : part.apply(page);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
