package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Architecture;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogStore;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import com.gatewayz.modelpages.testing.Http;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.CollectingAlertHandler;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateway data is untrusted: a model named like a script, a description with event handlers and
 * {@code javascript:} links must render inert in a browser that runs JavaScript (HtmlUnit).
 */
class HostileContentTest {

  static final String SCRIPT_NAME = "<script>alert(1)</script>";
  static final String DESCRIPTION =
      "Fast. <img src=x onerror=alert(2)> [click me](javascript:alert(3)) "
          + "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==) "
          + "<a href=\"javascript:alert(5)\">raw</a> </script><script>alert(6)</script> **bold**";

  @TempDir static Path dataDir;
  static EmbeddedTomcat site;

  private final List<String> alerts = new ArrayList<>();
  private WebClient browser;

  @BeforeAll
  static void startSite() {
    Model evil =
        new Model(
            "evil/model",
            SCRIPT_NAME,
            "evil",
            DESCRIPTION,
            8192,
            null,
            null,
            Architecture.TEXT,
            List.of("tools\"><script>alert(7)</script>"),
            1_700_000_000L,
            List.of());
    evil =
        evil.withOffers(
            List.of(
                new Offer("openrouter", Pricing.perToken("0.0000007", "0.000001"), 8192L, null)));
    try (CatalogStore store = new CatalogStore(dataDir)) {
      store.save(CatalogState.seededFrom(List.of(evil)));
    }
    site =
        EmbeddedSite.start(
            Map.of(
                "MODEL_PAGES_DATA_DIR", dataDir.toString(),
                "MODEL_PAGES_PRERENDER_LIMIT", "0",
                "MODEL_PAGES_PUBLIC_URL", "https://models.example.test"));
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  @BeforeEach
  void browser() {
    browser = new WebClient();
    browser.getOptions().setCssEnabled(false);
    browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
    browser.setAlertHandler(new CollectingAlertHandler(alerts));
  }

  private HtmlPage open(String path) throws Exception {
    HtmlPage page = browser.getPage(site.uri(path).toURL());
    browser.waitForBackgroundJavaScript(1_000);
    return page;
  }

  @Test
  void aHostileModelPageRunsNoInjectedScript() throws Exception {
    HtmlPage page = open("/models/evil/model");

    assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
    assertThat(alerts).isEmpty();
    assertThat(page.getTitleText()).isEqualTo(SCRIPT_NAME + " | Gatewayz");
    assertThat(page.querySelector("h1").getTextContent()).isEqualTo(SCRIPT_NAME);
    assertThat(page.getWebResponse().getContentAsString()).contains("$0.70 / 1M");
    assertOnlyTrustedScripts(page);
    assertNoEventHandlersOrScriptUrls(page);
  }

  @Test
  void theSanitisedDescriptionKeepsFormattingAndDropsTheRest() throws Exception {
    HtmlPage page = open("/models/evil/model");

    DomNode prose = page.querySelector(".prose");
    assertThat(page.querySelectorAll(".prose img")).isEmpty();
    assertThat(page.querySelectorAll(".prose script")).isEmpty();
    assertThat(page.querySelectorAll(".prose strong")).hasSize(1);
    // Links with script or data URLs lose their href; raw HTML is shown as text, not parsed.
    assertThat(page.querySelectorAll(".prose a[href]")).isEmpty();
    assertThat(prose.getTextContent()).contains("<img src=x onerror=alert(2)>");
  }

  @Test
  void theJsonLdCarriesTheNameAsDataNotMarkup() throws Exception {
    HtmlPage page = open("/models/evil/model");

    DomElement jsonLd = page.querySelector("script[type='application/ld+json']");
    String raw = jsonLd.getTextContent();
    assertThat(raw).doesNotContain("</script>");
    JsonObject data = Http.json(raw);
    assertThat(data.getString("name")).isEqualTo(SCRIPT_NAME);
    assertThat(data.getString("url")).isEqualTo("https://models.example.test/models/evil/model");
  }

  @Test
  void theIndexAndA404WithAHostileIdRunNoInjectedScript() throws Exception {
    HtmlPage index = open("/models");
    HtmlPage notFound = open("/models/x/%3Cimg%20src=x%20onerror=alert(8)%3E");

    assertThat(index.asNormalizedText()).contains(SCRIPT_NAME);
    assertThat(notFound.getWebResponse().getStatusCode()).isEqualTo(404);
    assertThat(alerts).isEmpty();
    assertOnlyTrustedScripts(index);
    assertOnlyTrustedScripts(notFound);
  }

  private static void assertOnlyTrustedScripts(HtmlPage page) {
    for (DomNode node : page.querySelectorAll("script")) {
      DomElement script = (DomElement) node;
      boolean external = script.getAttribute("src").contains("/assets/site.js");
      boolean data = script.getAttribute("type").equals("application/ld+json");
      assertThat(external || data).as("unexpected script: %s", script.asXml()).isTrue();
    }
  }

  private static void assertNoEventHandlersOrScriptUrls(HtmlPage page) {
    for (DomElement element : page.getDocumentElement().getDomElementDescendants()) {
      element
          .getAttributesMap()
          .forEach(
              (name, attribute) -> {
                assertThat(name)
                    .as("attribute on <%s>", element.getTagName())
                    .doesNotStartWith("on");
                assertThat(attribute.getValue().toLowerCase()).doesNotStartWith("javascript:");
              });
    }
  }
}
