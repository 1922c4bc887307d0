package dev.trawl.store;

/** What both coordinations do the same way: their work runs on the writer's connection, options live in meta. */
abstract sealed class QueuedCoordination implements Coordination permits LocalFrontier, SharedFrontier {
    final WriteQueue writes;

    QueuedCoordination(WriteQueue writes) {
        this.writes = writes;
    }

    @Override
    public String crawlOptions() {
        return writes.exclusiveUninterruptibly(CrawlOptionsRow::read);
    }

    @Override
    public String offerCrawlOptions(String options) {
        return writes.exclusiveUninterruptibly(c -> CrawlOptionsRow.offer(c, options));
    }
}
