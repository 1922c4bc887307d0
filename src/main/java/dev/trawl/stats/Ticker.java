package dev.trawl.stats;

/**
 * Runs an action every period on a daemon thread of its own until closed. The progress line and the counters'
 * sampler both tick this way; closing waits for a tick in progress, so the owner can then do a last one.
 */
final class Ticker implements AutoCloseable {
    private final Thread thread;

    private Ticker(String name, long periodMillis, Runnable tick) {
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(() -> loop(periodMillis, tick));
    }

    static Ticker start(String name, long periodMillis, Runnable tick) {
        var ticker = new Ticker(name, periodMillis, tick);
        ticker.thread.start();
        return ticker;
    }

    private static void loop(long periodMillis, Runnable tick) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(periodMillis);
                tick.run();
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
