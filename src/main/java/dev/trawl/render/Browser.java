package dev.trawl.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium that trawl started, and its DevTools endpoint on loopback.
 *
 * <p>No orphans: the process is started from a platform thread that lives exactly as long as it does, under
 * {@code setpriv --pdeathsig KILL} where util-linux has it, so the kernel kills the browser when that thread ends,
 * also when trawl is killed with kill -9 (the browser's own helper processes, zygotes, renderers, the crash handler,
 * exit when the browser does). {@link #close} asks the browser to quit, then kills what is left of the process tree
 * it saw, then deletes the profile directory.
 *
 * <p>No network of its own: every proxy setting points at a {@link BlackholeProxy} (loopback included), so what
 * the tabs' request interception does not answer, and whatever the browser would fetch for itself, goes nowhere.
 */
final class Browser implements AutoCloseable {
    static final Duration START_DEADLINE = Duration.ofSeconds(30);
    private static final Duration QUIT_WAIT = Duration.ofSeconds(3);
    private final Process process;
    private final Path profile;
    private final int port;
    private final CdpSession session;

    private Browser(Process process, Path profile, int port, CdpSession session) {
        this.process = process;
        this.profile = profile;
        this.port = port;
        this.session = session;
    }

    /** Starts chromium and connects to it; throws {@link RenderUnavailableException} with the reason when it cannot. */
    static Browser start(Path chromium, int proxyPort) throws InterruptedException {
        Path profile;
        try {
            profile = Files.createTempDirectory("trawl-chromium-");
        } catch (IOException e) {
            throw new RenderUnavailableException("cannot make a browser profile directory: " + e.getMessage(), e);
        }
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(command(chromium, profile, proxyPort))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(profile.resolve("chromium.log").toFile());
            // The crash handler's database and the caches go in the profile too, not in the user's ~/.config
            builder.environment().put("XDG_CONFIG_HOME", profile.toString());
            builder.environment().put("XDG_CACHE_HOME", profile.toString());
            process = launch(builder);
            int port = awaitPort(process, profile, chromium);
            String browserPath = Files.readAllLines(profile.resolve("DevToolsActivePort")).get(1);
            CdpSession session = CdpSession.open(URI.create("ws://127.0.0.1:" + port + browserPath));
            return new Browser(process, profile, port, session);
        } catch (IOException | RuntimeException e) {
            if (process != null) end(process, List.of());
            deleteTree(profile);
            if (e instanceof RenderUnavailableException r) throw r;
            throw new RenderUnavailableException("cannot start " + chromium + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts the process from a platform thread that then waits for it to exit: the thread the kernel's parent-death
     * signal watches (PR_SET_PDEATHSIG is about the thread that forked, not the process).
     */
    private static Process launch(ProcessBuilder builder) throws IOException, InterruptedException {
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("trawl-chromium").start(() -> {
            try {
                Process p = builder.start();
                started.complete(p);
                p.waitFor();
            } catch (IOException e) {
                started.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nothing interrupts it; if something did, the kernel ends the browser
            }
        });
        try {
            return started.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    static List<String> command(Path chromium, Path profile, int proxyPort) {
        List<String> command = new ArrayList<>();
        Path setpriv = ChromiumLocator.onPath("setpriv", System.getenv("PATH"));
        if (setpriv != null) command.addAll(List.of(setpriv.toString(), "--pdeathsig", "KILL", "--"));
        command.add(chromium.toString());
        command.addAll(List.of("--headless", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--proxy-server=http://127.0.0.1:" + proxyPort, "--proxy-bypass-list=<-loopback>",
                "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-crash-reporter", "--disable-breakpad",
                "--mute-audio", "--hide-scrollbars", "--log-level=3", "--blink-settings=imagesEnabled=false",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                // tabs opened by the protocol are background tabs: their timers must run at page speed
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication"));
        // Chromium refuses to run as root with its sandbox; as any other user the sandbox stays on.
        if (isRoot()) command.add("--no-sandbox");
        command.add("about:blank");
        return command;
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Waits for the browser to write the port it listens on (its DevToolsActivePort file). */
    private static int awaitPort(Process process, Path profile, Path chromium) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (true) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2) return Integer.parseInt(lines.getFirst().strip());
            }
            if (!process.isAlive()) {
                throw new RenderUnavailableException(chromium + " exited with status " + process.exitValue() + " at start"
                        + lastLogLine(profile), null);
            }
            if (System.nanoTime() > deadline) {
                throw new RenderUnavailableException(chromium + " did not open its DevTools port within "
                        + START_DEADLINE.toSeconds() + " s" + lastLogLine(profile), null);
            }
            Thread.sleep(25);
        }
    }

    private static String lastLogLine(Path profile) {
        try (Stream<String> lines = Files.lines(profile.resolve("chromium.log"))) {
            return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).map(l -> ": " + l.strip()).orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Opens a blank tab; returns its target id. */
    String openTab(Duration timeout) throws InterruptedException {
        return (String) session.call("Target.createTarget", Map.of("url", "about:blank"), timeout).get("targetId");
    }

    /** The DevTools endpoint of one tab. */
    URI tabEndpoint(String targetId) {
        return URI.create("ws://127.0.0.1:" + port + "/devtools/page/" + targetId);
    }

    /** Closes a tab without waiting: its renderer and everything it runs go. */
    void closeTab(String targetId) {
        session.send("Target.closeTarget", Map.of("targetId", targetId));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The browser's process and its helpers now: for memory figures and the tests' process checks. */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        try {
            session.call("Browser.close", Map.of(), QUIT_WAIT);
        } catch (RuntimeException e) {
            // it may be gone already; the process is ended below either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.close();
        end(process, tree);
        deleteTree(profile);
    }

    /** Waits a moment for the process to quit, then kills it and every helper it had. */
    private static void end(Process process, List<ProcessHandle> tree) {
        try {
            if (!process.waitFor(QUIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) process.destroyForcibly();
            List<ProcessHandle> all = new ArrayList<>(tree);
            process.descendants().forEach(all::add);
            all.forEach(ProcessHandle::destroyForcibly);
            process.waitFor(QUIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a profile left in the temp directory is harmless; the crawl's outcome does not depend on it
        }
    }
}
