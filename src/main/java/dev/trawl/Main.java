package dev.trawl;

/** Entry point. STUB. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(0);
    }
}
