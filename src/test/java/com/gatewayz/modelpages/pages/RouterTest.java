package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.isr.PageKey;
import com.gatewayz.modelpages.pages.view.IndexQuery;
import com.gatewayz.modelpages.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page path is parsed once: the key carries the decoded route its render uses. */
class RouterTest {

  private final Router router =
      new Router(
          CatalogService.of(
              List.of(
                  new Model(
                      "acme/gamma-9b",
                      null,
                      null,
                      null,
                      8192,
                      null,
                      null,
                      null,
                      null,
                      null,
                      List.of())),
              MutableClock.atEpochSeconds(0)));

  @Test
  void aModelPathCarriesTheDecodedIdAndIsKeyedByItsCanonicalPath() {
    String id = "meta-llama/llama-3.1-8b-instruct:free";

    PageKey key = router.keyOf("/models/meta-llama/llama-3.1-8b-instruct%3Afree", null);

    assertThat(key.route()).isEqualTo(new Route.ModelPage(id));
    assertThat(key.value()).isEqualTo(ModelId.pagePath(id));
    assertThat(key.cacheable()).isTrue();
    assertThat(key.dynamic()).isTrue();
  }

  @Test
  void anIllFormedModelPathIsNotCacheableAndCarriesNoRoute() {
    PageKey key = router.keyOf("/models/acme/%ZZ", null);

    assertThat(key.cacheable()).isFalse();
    assertThat(key.route()).isNull();
  }

  @Test
  void theIndexCarriesItsParsedQueryAndASearchIsNotCacheable() {
    PageKey key = router.keyOf("/models", "q=gamma&developer=acme");

    assertThat(key.route()).isEqualTo(new Route.Index(IndexQuery.parse("q=gamma&developer=acme")));
    assertThat(key.value()).isEqualTo("/models?developer=acme");
    assertThat(key.cacheable()).isFalse();
  }

  @Test
  void sitemapsAreRoutedAndOtherPathsAreNotPages() {
    assertThat(router.keyOf("/sitemap.xml", null).route()).isEqualTo(new Route.Sitemap());
    assertThat(router.keyOf("/sitemaps/1.xml", null).route()).isEqualTo(new Route.SitemapPart(1));
    assertThat(router.keyOf("/sitemaps/2.xml", null).cacheable()).isFalse();
    assertThat(router.keyOf("/robots.txt", null)).isNull();
  }
}
