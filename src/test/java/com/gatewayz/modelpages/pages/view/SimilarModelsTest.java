package com.gatewayz.modelpages.pages.view;

import static com.gatewayz.modelpages.testing.TestModels.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.RetiredModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarModelsTest {

  private final Model sonnet =
      model("anthropic/claude-sonnet-4.6", "anthropic", "0.000003", 1_000_000);
  private final Model sonnetOld =
      model("anthropic/claude-sonnet-4.5", "anthropic", "0.000003", 1_000_000);
  private final Model opus = model("anthropic/claude-opus-4.7", "anthropic", "0.000015", 200_000);
  private final Model latest =
      model("~anthropic/claude-sonnet-latest", "anthropic", "0.000003", 200_000);
  private final Model gpt = model("openai/gpt-5.5", "openai", "0.000005", 1_050_000);
  private final Model gptMini = model("openai/gpt-5-mini", "openai", "0.00000025", 400_000);
  private final Model llama =
      model("meta-llama/llama-3.1-8b-instruct", "meta-llama", "0.00000002", 131_072);
  private final Catalog catalog =
      Catalog.of(List.of(gpt, sonnet, llama, opus, gptMini, sonnetOld, latest));

  @Test
  void prefersTheSameLineThenFamilyAndDeveloper() {
    assertThat(SimilarModels.of(sonnet, catalog, 6))
        .extracting(Model::id)
        .containsExactly(
            "anthropic/claude-sonnet-4.5",
            "~anthropic/claude-sonnet-latest",
            "anthropic/claude-opus-4.7",
            "openai/gpt-5.5");
  }

  @Test
  void neverIncludesTheModelItself() {
    for (Model model : catalog.models()) {
      assertThat(SimilarModels.of(model, catalog, 10)).doesNotContain(model);
    }
  }

  @Test
  void isDeterministicAndBreaksTiesByCatalogOrder() {
    List<Model> first = SimilarModels.of(gptMini, catalog, 6);

    assertThat(SimilarModels.of(gptMini, catalog, 6)).isEqualTo(first);
    assertThat(first).extracting(Model::id).first().isEqualTo("openai/gpt-5.5");
  }

  @Test
  void honoursTheLimit() {
    assertThat(SimilarModels.of(sonnet, catalog, 2)).hasSize(2);
    assertThat(SimilarModels.of(sonnet, catalog, 0)).isEmpty();
  }

  @Test
  void leavesOutUnrelatedModels() {
    assertThat(SimilarModels.of(llama, catalog, 6)).isEmpty();
  }

  @Test
  void findsModelsLikeARetiredOne() {
    RetiredModel retired =
        new RetiredModel("anthropic/claude-sonnet-3.7", "Claude 3.7 Sonnet", "anthropic", 1L);

    assertThat(SimilarModels.forRetired(retired, catalog, 3))
        .extracting(Model::id)
        .containsExactly(
            "anthropic/claude-sonnet-4.6",
            "anthropic/claude-sonnet-4.5",
            "~anthropic/claude-sonnet-latest");
  }

  @Test
  void retiredModelStillInTheCatalogIsExcluded() {
    RetiredModel retired = RetiredModel.of(sonnet, 1L);

    assertThat(SimilarModels.forRetired(retired, catalog, 10)).doesNotContain(sonnet);
  }

  @Test
  void readsFamilyAndLineFromTheId() {
    assertThat(ModelTraits.of(sonnet))
        .extracting(ModelTraits::family, ModelTraits::line)
        .containsExactly("claude", "claude-sonnet");
    assertThat(ModelTraits.of(model("qwen/qwen3.6-plus", "qwen", "0", 1)))
        .extracting(ModelTraits::family, ModelTraits::line)
        .containsExactly("qwen", "");
    assertThat(ModelTraits.of(model("openai/o3", "openai", "0", 1)).family()).isEmpty();
  }
}
