package dev.trawl.fetch;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate for 127.0.0.1 made once per test JVM with the JDK's keytool, and the two TLS contexts that use it:
 * the server's, and a client's that trusts it (the client checks the host name as it would on the web); and the trust
 * store itself, for a child JVM told to trust the certificate (javax.net.ssl.trustStore), as a user with a private CA.
 */
public final class TestTls {
    /** The password of both key stores. */
    public static final String PASSWORD_TEXT = "changeit";
    private static final char[] PASSWORD = PASSWORD_TEXT.toCharArray();
    private static SSLContext server;
    private static SSLContext client;
    private static Path trustStore;

    private TestTls() {}

    public static synchronized SSLContext server() throws Exception {
        if (server == null) make();
        return server;
    }

    static synchronized SSLContext client() throws Exception {
        if (client == null) make();
        return client;
    }

    /** A PKCS12 trust store holding the certificate, with password {@link #PASSWORD_TEXT}. */
    public static synchronized Path trustStore() throws Exception {
        if (trustStore == null) make();
        return trustStore;
    }

    private static void make() throws Exception {
        Path dir = Files.createTempDirectory("trawl-tls");
        Path keys = dir.resolve("keys.p12"), cert = dir.resolve("site.cer"), trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "site", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:site.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
                "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-alias", "site", "-keystore", keys.toString(), "-storepass", new String(PASSWORD), "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "site", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", new String(PASSWORD));
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(load(keys), PASSWORD);
        server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(load(trust));
        client = SSLContext.getInstance("TLS");
        client.init(null, trustManagers.getTrustManagers(), null);
        trustStore = trust;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("keytool " + args[0] + ": " + out);
    }
}
