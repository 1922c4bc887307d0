package dev.trawl.sitemap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** One walk of {@link SitemapDiscovery}: breadth first, each sitemap URL once, within {@link SitemapLimits}. */
final class SitemapWalk {
    record Pending(String url, int depth, String listedBy) {}

    private final SitemapFetcher fetcher;
    private final SitemapReader reader;
    private final SitemapLimits limits;
    private final Consumer<FoundUrl> sink;
    private final List<SitemapVisit> visits = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int fetched;
    private int urls;

    SitemapWalk(SitemapFetcher fetcher, SitemapReader reader, SitemapLimits limits, Consumer<FoundUrl> sink) {
        this.fetcher = fetcher;
        this.reader = reader;
        this.limits = limits;
        this.sink = sink;
    }

    List<SitemapVisit> run(List<Pending> roots) throws InterruptedException {
        Deque<Pending> queue = new ArrayDeque<>();
        roots.forEach(root -> enqueue(queue, root));
        while (!queue.isEmpty()) {
            Pending next = queue.removeFirst();
            String refused = refusal(next);
            if (refused != null) {
                visits.add(new SitemapVisit(next.url(), next.depth(), next.listedBy(), false, 0, 0, refused));
            } else {
                visit(next, queue);
            }
        }
        return List.copyOf(visits);
    }

    private String refusal(Pending next) {
        if (fetched >= limits.maxSitemapsPerSite()) {
            return "not fetched: " + limits.maxSitemapsPerSite() + " sitemaps were read for this site (the bound)";
        }
        if (urls >= limits.maxUrlsPerSite()) {
            return "not fetched: " + limits.maxUrlsPerSite() + " URLs were found for this site (the bound)";
        }
        return null;
    }

    private void visit(Pending sitemap, Deque<Pending> queue) throws InterruptedException {
        fetched++;
        SitemapContent content = switch (fetcher.fetch(sitemap.url())) {
            case SitemapFetcher.Fetched.Failed failed -> new SitemapContent.Unreadable(sitemap.url(), failed.reason());
            case SitemapFetcher.Fetched.Body body -> reader.read(body.finalUrl(), body.contentType(), body.body());
        };
        switch (content) {
            case SitemapContent.Unreadable bad -> record(sitemap, 0, 0, bad.reason());
            case SitemapContent.Urls found -> {
                int given = report(sitemap, found);
                String cut = given < found.urls().size()
                        ? "gave " + given + " of its " + found.urls().size() + " URLs: the site's bound of "
                                + limits.maxUrlsPerSite() + " was reached"
                        : null;
                record(sitemap, given, 0, join(found.problem(), cut));
            }
            case SitemapContent.Index index -> {
                String problem = index.problem();
                if (sitemap.depth() >= limits.maxIndexDepth()) {
                    problem = join(problem, "its " + index.sitemaps().size() + " sitemaps were not fetched: index depth "
                            + limits.maxIndexDepth() + " is the bound");
                } else {
                    index.sitemaps().forEach(child ->
                            enqueue(queue, new Pending(child.url(), sitemap.depth() + 1, sitemap.url())));
                }
                record(sitemap, 0, index.sitemaps().size(), problem);
            }
        }
    }

    private int report(Pending sitemap, SitemapContent.Urls found) {
        int given = 0;
        for (SitemapUrl url : found.urls()) {
            if (urls >= limits.maxUrlsPerSite()) {
                break;
            }
            sink.accept(new FoundUrl(url.url(), url.lastModified(), sitemap.url(), sitemap.depth()));
            urls++;
            given++;
        }
        return given;
    }

    private void record(Pending sitemap, int urlCount, int children, String problem) {
        visits.add(new SitemapVisit(sitemap.url(), sitemap.depth(), sitemap.listedBy(), true, urlCount, children,
                problem));
    }

    private boolean enqueue(Deque<Pending> queue, Pending pending) {
        if (!seen.add(pending.url())) {
            return false; // listed twice, or an index listing itself: read once
        }
        queue.addLast(pending);
        return true;
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }
}
