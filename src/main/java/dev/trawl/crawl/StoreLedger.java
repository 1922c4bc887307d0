package dev.trawl.crawl;

import dev.trawl.frontier.HostBudget;
import dev.trawl.store.PageStore;
import java.util.Map;

/** The host budget's count lives in the store, where every worker and every resume sees it. */
public record StoreLedger(PageStore store) implements HostBudget.Ledger {
    @Override
    public long reserve(String host, long wanted, long limit) throws InterruptedException {
        return store.reserveHostUrls(host, wanted, limit);
    }

    @Override
    public void giveBack(Map<String, Long> unused) {
        store.returnHostUrls(unused);
    }
}
