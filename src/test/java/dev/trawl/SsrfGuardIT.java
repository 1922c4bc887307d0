package dev.trawl;

import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.testsite.TestSite;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSRF guard in a whole crawl (issue 10): with --scope any, a seed on 127.0.0.1 links and redirects to a site on
 * 127.0.0.2 (another host's internal address). Without --allow-private those URLs are rows with error
 * private_address and the internal site sees no request; with it, they are crawled.
 */
class SsrfGuardIT {
    @TempDir Path dir;

    @Test
    void linksAndRedirectsToInternalAddressesAreRefusedUnlessAllowed() throws Exception {
        try (var internal = TestSite.start(InetAddress.getByName("127.0.0.2"));
             var seed = TestSite.start()) {
            internal.page("/secret", "Secret");
            String secret = internal.url("/secret");
            seed.page("/", "Seed", secret, "/hop");
            seed.redirect("/hop", 302, internal.url("/secret?via=redirect"));

            Path guarded = dir.resolve("guarded.db");
            var result = run("crawl", seed.url("/"), "--scope", "any", "--ignore-robots", "--quiet", "--db", guarded);
            assertThat(result.exit()).as(result.toString()).isZero();
            var pages = CliRunner.export(guarded);
            assertThat(pages.get(seed.url("/")).get("status").asInt()).isEqualTo(200);
            assertThat(pages.get(secret).get("error").asText()).isEqualTo("private_address");
            assertThat(pages.get(seed.url("/hop")).get("error").asText()).isEqualTo("private_address");
            assertThat(internal.allHits()).as("requests that reached the internal site").isEmpty();

            Path allowed = dir.resolve("allowed.db");
            result = run("crawl", seed.url("/"), "--scope", "any", "--ignore-robots", "--quiet", "--allow-private", "--db", allowed);
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(CliRunner.export(allowed).get(secret).get("status").asInt()).isEqualTo(200);
            assertThat(internal.hits("/secret")).isEqualTo(1);
        }
    }
}
