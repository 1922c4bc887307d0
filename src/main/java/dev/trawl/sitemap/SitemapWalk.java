package dev.trawl.sitemap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One walk of {@link SitemapDiscovery}: breadth first, each sitemap URL once, within {@link SitemapLimits}, going on
 * from a {@link WalkHistory} (the counts and the queue an earlier, interrupted walk of the site left).
 */
final class SitemapWalk {
    private final SitemapFetcher fetcher;
    private final SitemapReader reader;
    private final SitemapLimits limits;
    private final WalkSink sink;
    private final List<SitemapVisit> visits = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int fetched;
    private long urls;

    SitemapWalk(SitemapFetcher fetcher, SitemapReader reader, SitemapLimits limits, WalkHistory history, WalkSink sink) {
        this.fetcher = fetcher;
        this.reader = reader;
        this.limits = limits;
        this.sink = sink;
        this.seen.addAll(history.visited());
        this.fetched = history.fetched();
        this.urls = history.urls();
    }

    /** Roots not visited before go first (depth 0), then what an earlier walk had queued. */
    List<SitemapVisit> run(List<PendingSitemap> roots, List<PendingSitemap> queuedBefore) throws InterruptedException {
        Deque<PendingSitemap> queue = new ArrayDeque<>();
        roots.forEach(root -> enqueue(queue, root));
        queuedBefore.forEach(pending -> enqueue(queue, pending));
        while (!queue.isEmpty()) {
            PendingSitemap next = queue.removeFirst();
            String refused = refusal();
            if (refused != null) {
                record(new SitemapVisit(next.url(), next.depth(), next.listedBy(), false, 0, 0, refused), List.of(),
                        List.of());
            } else {
                visit(next, queue);
            }
        }
        return List.copyOf(visits);
    }

    private String refusal() {
        if (fetched >= limits.maxSitemapsPerSite()) {
            return "not fetched: " + limits.maxSitemapsPerSite() + " sitemaps were read for this site (the bound)";
        }
        if (urls >= limits.maxUrlsPerSite()) {
            return "not fetched: " + limits.maxUrlsPerSite() + " URLs were found for this site (the bound)";
        }
        return null;
    }

    private void visit(PendingSitemap sitemap, Deque<PendingSitemap> queue) throws InterruptedException {
        fetched++;
        SitemapContent content = switch (fetcher.fetch(sitemap.url())) {
            case SitemapFetcher.Fetched.Failed failed -> new SitemapContent.Unreadable(sitemap.url(), failed.reason());
            case SitemapFetcher.Fetched.Body body -> reader.read(body.finalUrl(), body.contentType(), body.body());
        };
        switch (content) {
            case SitemapContent.Unreadable bad -> record(visit(sitemap, 0, 0, bad.reason()), List.of(), List.of());
            case SitemapContent.Urls found -> {
                List<FoundUrl> given = given(sitemap, found);
                String cut = given.size() < found.urls().size()
                        ? "gave " + given.size() + " of its " + found.urls().size() + " URLs: the site's bound of "
                                + limits.maxUrlsPerSite() + " was reached"
                        : null;
                record(visit(sitemap, given.size(), 0, join(found.problem(), cut)), given, List.of());
            }
            case SitemapContent.Index index -> {
                String problem = index.problem();
                List<PendingSitemap> children = new ArrayList<>();
                if (sitemap.depth() >= limits.maxIndexDepth()) {
                    problem = join(problem, "its " + index.sitemaps().size() + " sitemaps were not fetched: index depth "
                            + limits.maxIndexDepth() + " is the bound");
                } else {
                    for (SitemapUrl child : index.sitemaps()) {
                        PendingSitemap pending = new PendingSitemap(child.url(), sitemap.depth() + 1, sitemap.url());
                        if (enqueue(queue, pending)) children.add(pending);
                    }
                }
                record(visit(sitemap, 0, index.sitemaps().size(), problem), List.of(), children);
            }
        }
    }

    private List<FoundUrl> given(PendingSitemap sitemap, SitemapContent.Urls found) {
        List<FoundUrl> given = new ArrayList<>();
        for (SitemapUrl url : found.urls()) {
            if (urls >= limits.maxUrlsPerSite()) {
                break;
            }
            given.add(new FoundUrl(url.url(), url.lastModified(), sitemap.url(), sitemap.depth()));
            urls++;
        }
        return given;
    }

    private static SitemapVisit visit(PendingSitemap sitemap, int urlCount, int children, String problem) {
        return new SitemapVisit(sitemap.url(), sitemap.depth(), sitemap.listedBy(), true, urlCount, children, problem);
    }

    private void record(SitemapVisit visit, List<FoundUrl> given, List<PendingSitemap> children)
            throws InterruptedException {
        visits.add(visit);
        sink.visited(visit, given, children);
    }

    private boolean enqueue(Deque<PendingSitemap> queue, PendingSitemap pending) {
        if (!seen.add(pending.url())) {
            return false; // listed twice, an index listing itself, or visited by an earlier walk: read once
        }
        queue.addLast(pending);
        return true;
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }
}
