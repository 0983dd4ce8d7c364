package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.catalog.TextQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelListsTest {

  private static Model model(String id, String name) {
    return new Model(
        id,
        name,
        "acme",
        null,
        8192L,
        Pricing.perToken("0.000001", "0.000001"),
        null,
        null,
        null,
        null,
        List.of());
  }

  private static Catalog catalogOf(int count) {
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      models.add(model("acme/model-" + i, "Model " + i));
    }
    return Catalog.of(models);
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  @Test
  void anAnswerIsBuiltOncePerSnapshotAndParameters() {
    ModelLists lists = new ModelLists();
    Catalog catalog = catalogOf(1_200);

    byte[] first = lists.cached(catalog, Optional.empty(), 0, 1000);
    byte[] again = lists.cached(catalog, Optional.empty(), 0, 1000);
    byte[] other = lists.cached(catalog, Optional.empty(), 1000, 1000);

    assertThat(again).isSameAs(first);
    assertThat(text(first))
        .startsWith("{\"data\":[{\"id\":\"acme/model-0\"")
        .endsWith("\"total\":1200}");
    assertThat(text(other)).contains("acme/model-1199").doesNotContain("\"acme/model-999\"");
  }

  @Test
  void aNewCatalogSnapshotDropsTheAnswers() {
    ModelLists lists = new ModelLists();
    byte[] before = lists.cached(catalogOf(3), Optional.empty(), 0, 1000);

    byte[] after = lists.cached(catalogOf(4), Optional.empty(), 0, 1000);

    assertThat(text(before)).endsWith("\"total\":3}");
    assertThat(text(after)).contains("acme/model-3").endsWith("\"total\":4}");
  }

  @Test
  void aSearchMatchesEveryWordInAnyField() {
    Catalog catalog =
        Catalog.of(List.of(model("acme/alpha", "Fast Alpha"), model("acme/beta", "Fast Beta")));

    String json =
        text(
            new ModelLists()
                .build(catalog, Optional.empty(), 0, 10, TextQuery.of("  FAST   alpha ")));

    assertThat(json).contains("acme/alpha").doesNotContain("acme/beta").endsWith("\"total\":1}");
  }
}
