package dev.trawl.store;

import java.util.List;

/**
 * Child-process main for {@link CrashSafetyTest}: writes records in a loop until killed, printing how many are
 * known to be committed after each flush.
 */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) throws InterruptedException {
        String db = args[0];
        String run = args[1];
        PageStore store = Stores.open(db);
        for (int i = 0; ; i++) {
            String url = "https://crash.example/" + run + "/" + i;
            store.write(TestRecords.ok(url, 1, List.of(url + "/a", url + "/b"),
                    List.of(new FrontierEntry(url + "/a", 2), new FrontierEntry(url + "/b", 2))));
            if (i % 500 == 499) {
                store.flush();
                System.out.println("committed " + (i + 1));
                System.out.flush();
            }
        }
    }
}
