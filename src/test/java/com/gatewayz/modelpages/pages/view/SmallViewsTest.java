package com.gatewayz.modelpages.pages.view;

import static com.gatewayz.modelpages.testing.TestModels.SITE;
import static com.gatewayz.modelpages.testing.TestModels.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.RetiredModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallViewsTest {

  @Test
  void notFoundKeepsHostileTextAsPlainBoundedText() {
    String hostile = "<script>alert(1)</script>\u0000\u202e" + "x".repeat(500);

    NotFoundView view = NotFoundView.of(hostile, List.of(), SITE);

    assertThat(view.getRequestedId())
        .startsWith("<script>alert(1)</script>")
        .hasSizeLessThanOrEqualTo(200);
    assertThat(view.getRequestedId()).doesNotContain("\u0000", "\u202e");
    assertThat(view.getSearchQuery()).doesNotContain("<", ">", "(");
  }

  @Test
  void notFoundWithoutIdAndWithSuggestions() {
    NotFoundView view = NotFoundView.of(null, List.of(model("a/claude-x", "a", "0", 1000)), SITE);

    assertThat(view.getRequestedId()).isEmpty();
    assertThat(view.getSearchQuery()).isEmpty();
    assertThat(view.getSuggestions())
        .extracting(ModelCard::getHref)
        .containsExactly("/ctx/models/a/claude-x");
    assertThat(NotFoundView.of("anthropic/claude-opus-9.1", List.of(), SITE).getSearchQuery())
        .isEqualTo("claude opus 9.1");
  }

  @Test
  void retiredPageLinksASearch() {
    RetiredModel retired =
        new RetiredModel("x-ai/grok-2", "Grok 2 & co", "x-ai", 1_759_190_340_000L);

    RetiredView view = RetiredView.of(retired, List.of(), SITE);

    assertThat(view.getTitle()).isEqualTo("Grok 2 & co was retired | Gatewayz");
    assertThat(view.getDeveloper()).isEqualTo("xAI");
    assertThat(view.getRetiredOn()).isEqualTo("2025-09-29");
    assertThat(view.getSearchHref()).isEqualTo("/ctx/models?q=Grok+2+%26+co");
  }

  @Test
  void errorPagesSayWhetherToRetry() {
    assertThat(ErrorView.of(503, SITE).isRetryable()).isTrue();
    assertThat(ErrorView.of(503, SITE).getHeading()).isEqualTo("This page is being regenerated");
    assertThat(ErrorView.of(500, SITE).getHeading()).isEqualTo("Something went wrong");
    assertThat(ErrorView.of(500, SITE).isRetryable()).isFalse();
  }

  @Test
  void formatsTokenCounts() {
    assertThat(Formats.tokens(200_000)).isEqualTo("200K tokens");
    assertThat(Formats.tokens(1_000_000)).isEqualTo("1M tokens");
    assertThat(Formats.tokens(131_072)).isEqualTo("131K tokens");
    assertThat(Formats.tokens(8_192)).isEqualTo("8.2K tokens");
    assertThat(Formats.tokens(512)).isEqualTo("512 tokens");
    assertThat(Formats.tokens(0)).isEqualTo("\u2014");
    assertThat(Formats.exactTokens(1_050_000)).isEqualTo("1,050,000 tokens");
  }

  @Test
  void firstSentenceSkipsAbbreviationsAndVersions() {
    assertThat(MetaText.firstSentence("Llama 3.3 is a model, e.g. for chat. Second one."))
        .isEqualTo("Llama 3.3 is a model, e.g. for chat.");
    assertThat(MetaText.firstSentence("Short. Then more text here. And more."))
        .isEqualTo("Short. Then more text here.");
    assertThat(MetaText.firstSentence("  One\n line  only ")).isEqualTo("One line only");
  }
}
