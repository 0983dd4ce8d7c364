package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.live.ModelEventHub;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import com.gatewayz.modelpages.testing.Webhooks;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live banner of {@code /models} in a real browser (headless Debian Chromium through Selenium):
 * a webhook adds a model, the page's EventSource hears {@code models.added}, the banner appears,
 * and following it leads to the new model. Run by the {@code browser} Maven profile; skipped where
 * Chromium or ChromeDriver is not installed.
 */
@Tag("browser")
class LiveBannerBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String NEW_ID = "newco/browser-model";
  private static final String NEW_NAME = "Webhook browser-model";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path dataDir;
  @TempDir Path profileDir;
  static EmbeddedTomcat site;
  static ModelEventHub hub;
  WebDriver browser;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed");
    Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is not installed");
    site =
        EmbeddedSite.start(
            Map.of(
                "MODEL_PAGES_DATA_DIR",
                dataDir.toString(),
                "MODEL_PAGES_PRERENDER_LIMIT",
                "0",
                "MODEL_WEBHOOK_SECRET",
                Webhooks.SECRET));
    hub = ServiceRegistry.from(site.servletContext()).get(ModelEventHub.class);
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aWebhookAddingAModelShowsTheBannerWhichLeadsToTheNewModel() {
    // Without JavaScript the banner is inert: the server sends it hidden, with a plain link.
    String html = new String(site.get("/models").body(), StandardCharsets.UTF_8);
    assertThat(html)
        .containsPattern("<div class=\"live-banner\" id=\"live-banner\"[^>]*\\shidden[\\s>]");
    assertThat(html).contains("href=\"/models?sort=newest\"");
    assertThat(html).doesNotContain(NEW_ID);
    assertThat(hub.subscribers()).isZero();

    browser.get(site.uri("/models").toString());
    WebElement banner = browser.findElement(By.id("live-banner"));
    assertThat(banner.getDomAttribute("hidden")).isNotNull();
    assertThat(banner.isDisplayed()).isFalse();
    assertThat(browser.findElements(By.cssSelector("a[href='/models/" + NEW_ID + "']"))).isEmpty();

    // The page's EventSource is registered on the server: an event sent now reaches it.
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.withMessage("the page's EventSource to connect").until(driver -> hub.subscribers() >= 1);
    assertThat(banner.isDisplayed()).isFalse();

    assertThat(sendModelAdded()).isEqualTo(200);

    wait.withMessage("the live banner to announce the new model")
        .until(ExpectedConditions.visibilityOf(banner));
    WebElement link = banner.findElement(By.tagName("a"));
    wait.withMessage("the banner text")
        .until(
            ExpectedConditions.textMatches(
                By.cssSelector("#live-banner a"), Pattern.compile("^1 new model \u2014 show$")));
    assertThat(link.getText()).isEqualTo("1 new model \u2014 show");

    link.click();
    wait.withMessage("the index sorted by newest")
        .until(ExpectedConditions.urlContains("sort=newest"));
    assertThat(browser.getCurrentUrl()).isEqualTo(site.uri("/models?sort=newest").toString());
    assertThat(browser.findElement(By.cssSelector(".sorts [aria-current]")).getText())
        .isEqualTo("Newest");
    List<WebElement> cards = browser.findElements(By.cssSelector("ul.card-grid li.card"));
    assertThat(cards).isNotEmpty();
    // Newest first: the model created just now leads the list.
    assertThat(cards.get(0).findElement(By.cssSelector(".card-id")).getText()).isEqualTo(NEW_ID);
    WebElement modelLink = cards.get(0).findElement(By.cssSelector(".card-title a"));
    assertThat(modelLink.getText()).isEqualTo(NEW_NAME);

    modelLink.click();
    wait.withMessage("the new model's page")
        .until(ExpectedConditions.urlToBe(site.uri("/models/" + NEW_ID).toString()));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(NEW_NAME);
    assertThat(browser.getTitle()).contains(NEW_NAME);
  }

  /**
   * A signed {@code models.added} delivery for a model created now, so it sorts first by newest.
   */
  private static int sendModelAdded() {
    long now = System.currentTimeMillis();
    String body =
        Webhooks.modelEvent("models.added", "openrouter", NEW_ID, "0.000001", now)
            .replace("\"context_length\":", "\"created\":" + now / 1000 + ",\"context_length\":");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.uri("/api/webhooks/models-updated"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("x-webhook-signature", Webhooks.signature(body));
    HttpResponse<byte[]> response = site.send(request);
    return response.statusCode();
  }
}
