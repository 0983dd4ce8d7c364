package com.gatewayz.modelpages.pages.view;

import static com.gatewayz.modelpages.testing.TestModels.SITE;
import static com.gatewayz.modelpages.testing.TestModels.model;
import static com.gatewayz.modelpages.testing.TestModels.offer;
import static com.gatewayz.modelpages.testing.TestModels.withOffers;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Architecture;
import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.testing.Http;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPageViewTest {

  private static final String DESCRIPTION =
      "GLM 4.6 is a **fast** model from [Z.ai](https://z.ai) for agents, e.g. coding. "
          + "It supports tools.\n\n<script>alert(1)</script>";

  private final Model glm =
      withOffers(
          new Model(
              "z-ai/glm-4.6",
              "GLM 4.6",
              "z-ai",
              DESCRIPTION,
              1_048_576,
              null,
              null,
              new Architecture(List.of("text", "image"), List.of("text")),
              List.of("tools", "max_tokens"),
              1_759_190_340L,
              List.of()),
          offer("deepinfra", "0.000001", "0.000003"),
          offer("openrouter", "0.0000007", "0.0000028"),
          offer("together", "-1", "-1"));
  private final Model glmAir = model("z-ai/glm-4.5-air", "z-ai", "0.0000002", 131_072);
  private final Model other = model("openai/gpt-4o", "openai", "0.0000025", 128_000);
  private final Catalog catalog = Catalog.of(List.of(glm, other, glmAir));

  private final ModelPageView view = ModelPageView.of(glm, catalog, SITE);

  @Test
  void showsTheHeadlinePricesOfTheCheapestOffer() {
    assertThat(view.getInputPrice()).isEqualTo("$0.70 / 1M");
    assertThat(view.getOutputPrice()).isEqualTo("$2.80 / 1M");
    assertThat(view.getPriceGateway()).isEqualTo("OpenRouter");
    assertThat(view.isFree()).isFalse();
  }

  @Test
  void listsOffersCheapestFirstAndMarksOnlyTheCheapest() {
    assertThat(view.getOffers())
        .extracting(OfferRow::getGateway, OfferRow::getInputPrice, OfferRow::isCheapest)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("OpenRouter", "$0.70 / 1M", true),
            org.assertj.core.groups.Tuple.tuple("DeepInfra", "$1.00 / 1M", false),
            org.assertj.core.groups.Tuple.tuple("Together AI", "Variable", false));
    OfferRow row = view.getOffers().get(0);
    assertThat(row.getContext()).isEqualTo("200K tokens");
    assertThat(row.getContextTitle()).isEqualTo("200,000 tokens");
    assertThat(row.getMaxOutput()).isEqualTo("64K tokens");
    assertThat(row.getGatewayHref()).isEqualTo("/ctx/models?gateway=openrouter");
  }

  @Test
  void showsFreeVariableAndUnknownPrices() {
    Model free = withOffers(model("x/free:free", "x", null, 0), offer("groq", "0", "0"));
    Model variable =
        withOffers(
            model("openrouter/auto", "openrouter", null, 0), offer("openrouter", "-1", "-1"));
    Model unknown = model("x/unknown", "x", null, 0);

    assertThat(ModelPageView.of(free, catalog, SITE))
        .extracting(
            ModelPageView::getInputPrice, ModelPageView::getOutputPrice, ModelPageView::isFree)
        .containsExactly("Free", "Free", true);
    assertThat(ModelPageView.of(variable, catalog, SITE).getInputPrice()).isEqualTo("Variable");
    assertThat(ModelPageView.of(variable, catalog, SITE).isFree()).isFalse();
    assertThat(ModelPageView.of(unknown, catalog, SITE).getInputPrice()).isEqualTo("\u2014");
    assertThat(ModelPageView.of(unknown, catalog, SITE).getContext()).isEqualTo("\u2014");
  }

  @Test
  void formatsFactsForReading() {
    assertThat(view.getTitle()).isEqualTo("GLM 4.6 | Gatewayz");
    assertThat(view.getDeveloper()).isEqualTo("Z.ai");
    assertThat(view.getDeveloperHref()).isEqualTo("/ctx/models?developer=z-ai");
    assertThat(view.getContext()).isEqualTo("1.05M tokens");
    assertThat(view.getContextTitle()).isEqualTo("1,048,576 tokens");
    assertThat(view.getCreated()).isEqualTo("2025-09-29");
    assertThat(view.getInputModalities()).containsExactly("Text", "Image");
    assertThat(view.getOutputModalities()).containsExactly("Text");
    assertThat(view.getSupportedParameters()).containsExactly("tools", "max_tokens");
    assertThat(view.getCodeSamples()).hasSize(3);
  }

  @Test
  void linksWithTheContextPathAndCanonicalWithThePublicUrl() {
    Model odd = model("~anthropic/claude-haiku-latest", "anthropic", "0.000001", 200_000);
    ModelPageView page = ModelPageView.of(odd, catalog, SITE);

    assertThat(page.getCanonicalUrl())
        .isEqualTo("https://models.example.com/models/~anthropic/claude-haiku-latest");
    assertThat(view.getModelsHref()).isEqualTo("/ctx/models");
    assertThat(view.getSimilar())
        .extracting(ModelCard::getHref)
        .containsExactly("/ctx/models/z-ai/glm-4.5-air");
  }

  @Test
  void describesWithTheFirstSentenceAsPlainText() {
    assertThat(view.getMetaDescription())
        .isEqualTo("GLM 4.6 is a fast model from Z.ai for agents, e.g. coding.");
    assertThat(view.getDescriptionHtml())
        .contains("<strong>fast</strong>", "rel=\"nofollow noopener noreferrer\"")
        .contains("&lt;script&gt;")
        .doesNotContain("<script");
  }

  @Test
  void boundsTheMetaDescriptionAndFallsBackWithoutOne() {
    Model wordy =
        new Model(
            "x/wordy", "Wordy", "x", "word ".repeat(100), 0, null, null, null, null, null, null);

    assertThat(ModelPageView.of(wordy, catalog, SITE).getMetaDescription())
        .hasSizeLessThanOrEqualTo(160)
        .endsWith("\u2026");
    assertThat(ModelPageView.of(glmAir, catalog, SITE).getMetaDescription())
        .isEqualTo("z-ai/glm-4.5-air by Z.ai: prices, context length and gateways offering it.");
  }

  @Test
  void namesEveryShownModelForCacheTags() {
    assertThat(view.shownModelIds()).containsExactlyInAnyOrder("z-ai/glm-4.6", "z-ai/glm-4.5-air");
  }

  @Test
  void jsonLdCannotCloseTheScriptElement() {
    String hostile = "</script><script>alert(1)</script> & co";
    Model model =
        new Model(
            "evil/model",
            hostile,
            "evil",
            hostile,
            0,
            Pricing.perToken("0.0000007", "0"),
            null,
            null,
            null,
            null,
            null);

    String jsonLd = ModelPageView.of(model, catalog, SITE).getJsonLd();

    assertThat(jsonLd).doesNotContain("<", ">", "&");
    JsonObject parsed = Http.json(jsonLd);
    assertThat(parsed.getString("name")).isEqualTo(hostile);
    assertThat(parsed.getString("@type")).isEqualTo("SoftwareApplication");
    assertThat(parsed.getJsonObject("author").getString("name")).isEqualTo("Evil");
    assertThat(parsed.getJsonArray("offers").getJsonObject(0).getString("price")).isEqualTo("0.7");
  }

  @Test
  void jsonLdHasOneOfferPerPricedGateway() {
    JsonObject parsed = Http.json(view.getJsonLd());

    assertThat(parsed.getString("url")).isEqualTo("https://models.example.com/models/z-ai/glm-4.6");
    assertThat(parsed.getJsonArray("offers"))
        .extracting(offer -> ((JsonObject) offer).getString("price"))
        .containsExactly("1", "0.7");
  }

  @Test
  void eachOfferShowsItsQuantizationAndTheIdItIsListedUnder() {
    Model served =
        withOffers(
            model("meta-llama/llama-3.3-70b-instruct", "meta-llama", null, 131_072),
            new com.gatewayz.modelpages.catalog.Offer(
                "openrouter",
                Pricing.perToken("0.0000001", "0.0000003"),
                null,
                null,
                "meta-llama/llama-3.3-70b-instruct",
                null,
                com.gatewayz.modelpages.catalog.Evidence.PRIMARY),
            new com.gatewayz.modelpages.catalog.Offer(
                "cloudflare",
                Pricing.perToken("0.0000003", "0.0000023"),
                null,
                null,
                "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
                "fp8",
                com.gatewayz.modelpages.catalog.Evidence.NORMALISED_ID));

    assertThat(ModelPageView.of(served, catalog, SITE).getOffers())
        .extracting(OfferRow::getQuantization, OfferRow::getListedAs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("", ""),
            org.assertj.core.groups.Tuple.tuple("FP8", "@cf/meta/llama-3.3-70b-instruct-fp8-fast"));
  }
}
