package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.testsite.TestSite;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https:// goes through the JDK HttpClient (TLS, HTTP/2 where offered), not trawl's HTTP/1.1 client: a crawl of a
 * TLS site on 127.0.0.1 with a certificate made here by keytool. The crawl runs in a child JVM told to trust that
 * certificate (javax.net.ssl.trustStore), as a user with a private CA would run it; nothing in trawl is bypassed.
 */
class HttpsCrawlIT {
    private static final String PASSWORD = "changeit";
    @TempDir Path dir;

    @Test
    void crawlsATlsSiteAndATlsFailureIsRecordedAsData() throws Exception {
        Path keys = dir.resolve("server.p12");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "site", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        Path cert = dir.resolve("site.cer");
        keytool("-exportcert", "-alias", "site", "-keystore", keys.toString(), "-storepass", PASSWORD, "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "site", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", PASSWORD);

        try (var site = TestSite.startTls(serverContext(keys))) {
            site.page("/", "secure home", "/a", "/b");
            site.page("/a", "secure a", "/");
            site.gzipped("/b", "<title>secure b (gzip)</title>");
            Path db = dir.resolve("tls.db");

            Process crawl = child(dir.resolve("crawl.log"), List.of("-Djavax.net.ssl.trustStore=" + trust,
                    "-Djavax.net.ssl.trustStorePassword=" + PASSWORD), "crawl", site.url("/"), "--db", db.toString(),
                    "--quiet", "--ignore-robots");
            assertThat(crawl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(crawl.exitValue()).as(Files.readString(dir.resolve("crawl.log"))).isZero();
            Map<String, JsonNode> pages = CliRunner.export(db);
            assertThat(pages).containsOnlyKeys(site.url("/"), site.url("/a"), site.url("/b"));
            assertThat(pages.get(site.url("/")).get("title").asText()).isEqualTo("secure home");
            assertThat(pages.get(site.url("/b")).get("title").asText()).isEqualTo("secure b (gzip)");
            assertThat(site.allHits().values()).allSatisfy(hits -> assertThat(hits).isEqualTo(1));

            // Without the trust store the certificate is unknown: the page is a row with an error, exit 0.
            Path untrusted = dir.resolve("untrusted.db");
            Process refused = child(dir.resolve("refused.log"), List.of(), "crawl", site.url("/"), "--db", untrusted.toString(),
                    "--quiet", "--ignore-robots", "--retries", "0");
            assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).as(Files.readString(dir.resolve("refused.log"))).isZero();
            JsonNode page = CliRunner.export(untrusted).get(site.url("/"));
            assertThat(page.get("status").isNull()).isTrue();
            assertThat(page.get("error").asText()).isEqualTo("tls");
        }
    }

    private static SSLContext serverContext(Path keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, PASSWORD.toCharArray());
        }
        var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], out).isZero();
    }

    private static Process child(Path log, List<String> jvmOptions, String... args) throws Exception {
        return CliRunner.startChild(jvmOptions, List.of(args), ProcessBuilder.Redirect.to(log.toFile()));
    }
}
