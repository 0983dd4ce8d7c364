package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Pricing;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static Model model(String id) {
    return new Model(
        id,
        id,
        "",
        null,
        8192L,
        Pricing.perToken("0.000001", "0.000001"),
        null,
        null,
        null,
        null,
        List.of());
  }

  private final Catalog catalog =
      Catalog.of(List.of(model("acme/claude-opus"), model("acme/mixtral-large")));

  @Test
  void wordsThatMatchSuggestTheirModels() {
    assertThat(Suggestions.forId(catalog, "nobody/claude-opus-5", 5))
        .extracting(Model::id)
        .containsExactly("acme/claude-opus");
  }

  @Test
  void onlyTheFirstTenWordsCount() {
    String tenWords = "aaa-bbb-ccc-ddd-eee-fff-ggg-hhh-iii-jjj";

    assertThat(Suggestions.words(tenWords + "-mixtral")).hasSize(10).doesNotContain("mixtral");
    assertThat(Suggestions.forId(catalog, tenWords + "-mixtral", 5)).isEmpty();
  }

  @Test
  void onlyTheFirst256CharactersCount() {
    String longId = "x".repeat(Suggestions.MAX_CHARS - 4) + "-ab-mixtral";

    assertThat(Suggestions.forId(catalog, longId, 5)).isEmpty();
    assertThat(Suggestions.words("a".repeat(8_000) + "-mixtral"))
        .hasSize(1)
        .doesNotContain("mixtral");
  }
}
