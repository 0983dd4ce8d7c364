package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogUpdates;
import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real renderer behind the real cache: what catalog changes do to cached pages. */
class SiteCacheTest {

  @TempDir static Path dataDir;
  static EmbeddedTomcat site;
  static CatalogService catalog;

  @BeforeAll
  static void start() {
    site =
        EmbeddedSite.start(
            Map.of("MODEL_PAGES_DATA_DIR", dataDir.toString(), "MODEL_PAGES_PRERENDER_LIMIT", "0"));
    catalog = ServiceRegistry.from(site.servletContext()).get(CatalogService.class);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static void offer(String id, String name, String prompt, long time) {
    Listing listing =
        Listing.builder(id)
            .gatewayModelId(id)
            .name(name)
            .description("A model.")
            .contextLength(32768L)
            .pricing(Pricing.perToken(prompt, prompt))
            .build();
    catalog.update(state -> CatalogUpdates.upsert(state, "openrouter", List.of(listing), time));
  }

  @Test
  void anUnknownModelIsACached404UntilTheModelAppears() {
    HttpResponse<byte[]> first = site.get("/models/newco/brand-new");
    HttpResponse<byte[]> second = site.get("/models/newco/brand-new");

    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(header(first, "X-Cache")).isEqualTo("MISS");
    assertThat(header(second, "X-Cache")).isEqualTo("HIT");
    assertThat(header(second, "Surrogate-Key"))
        .isEqualTo("model:newco/brand-new path:/models/newco/brand-new site:all");
    assertThat(header(second, "Cache-Control")).isEqualTo("public, s-maxage=60");

    offer("newco/brand-new", "Brand New", "0.000001", 10);
    HttpResponse<byte[]> appeared = site.get("/models/newco/brand-new");

    assertThat(appeared.statusCode()).isEqualTo(200);
    assertThat(header(appeared, "X-Cache")).isEqualTo("MISS");
    assertThat(body(appeared)).contains("Brand New");
  }

  @Test
  void aPriceChangeReachesTheModelPageAndThePagesThatShowIt() {
    offer("newco/priced", "Priced Model", "0.000001", 10);
    assertThat(body(site.get("/models/newco/priced"))).contains("$1.00 / 1M");
    site.get("/models?developer=newco");
    assertThat(header(site.get("/models?developer=newco"), "X-Cache")).isEqualTo("HIT");

    offer("newco/priced", "Priced Model", "0.000002", 20);

    assertThat(body(site.get("/models/newco/priced"))).contains("$2.00 / 1M");
    assertThat(header(site.get("/models?developer=newco"), "X-Cache")).isEqualTo("MISS");
  }

  @Test
  void aChangeToOneModelLeavesUnrelatedPagesCached() {
    site.get("/models/openai/gpt-4o");
    offer("newco/unrelated", "Unrelated", "0.000001", 10);

    assertThat(header(site.get("/models/openai/gpt-4o"), "X-Cache")).isEqualTo("HIT");
  }
}
