package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Property: the index answers every query exactly as a scan of the models does. */
class CatalogIndexTest {

  private static final List<String> WORDS =
      List.of(
          "llama",
          "qwen3",
          "g1",
          "-g12",
          "7",
          "org-1",
          "3.3",
          "Model",
          "mistral small",
          "phi 4",
          "meta-llama/",
          "İ",
          "ab",
          "",
          "zzz-not-there",
          "instruct g2",
          "together/",
          "GEMMA");

  @Test
  void searchAndFilterAnswersEqualAScanOnRandomQueries() {
    CatalogState state = new GeneratedCatalog(11).state(3_000);
    Catalog catalog =
        Catalog.of(new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of()).merge(state));
    List<String> developers = new ArrayList<>(catalog.developers());
    developers.add("nobody");
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      String developer =
          random.nextInt(3) == 0 ? developers.get(random.nextInt(developers.size())) : null;
      String gateway =
          random.nextInt(3) == 0 ? GeneratedCatalog.GATEWAYS.get(random.nextInt(4)) : null;
      TextQuery text = random.nextInt(4) == 0 ? null : TextQuery.of(query(random, catalog));
      boolean cheapest = random.nextBoolean();

      assertThat(catalog.index().select(developer, gateway, text, cheapest))
          .as("developer %s gateway %s cheapest %s", developer, gateway, cheapest)
          .isEqualTo(scan(catalog, developer, gateway, text, cheapest));
    }
  }

  @Test
  void aPageIsTheSliceOfTheScanAndTheTotalItsSize() {
    CatalogState state = new GeneratedCatalog(12).state(3_000);
    Catalog catalog =
        Catalog.of(new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of()).merge(state));
    List<String> developers = new ArrayList<>(catalog.developers());
    Random random = new Random(12);
    for (int i = 0; i < 1_000; i++) {
      String developer =
          random.nextInt(3) == 0 ? developers.get(random.nextInt(developers.size())) : null;
      String gateway =
          random.nextInt(2) == 0 ? GeneratedCatalog.GATEWAYS.get(random.nextInt(4)) : null;
      TextQuery text = random.nextInt(3) == 0 ? TextQuery.of(query(random, catalog)) : null;
      boolean cheapest = random.nextBoolean();
      List<Model> all = scan(catalog, developer, gateway, text, cheapest);
      int offset = random.nextInt(all.size() + 50);
      int limit = random.nextInt(120);

      CatalogIndex.Selection page =
          catalog.index().page(developer, gateway, text, cheapest, offset, limit);

      assertThat(page.total()).isEqualTo(all.size());
      assertThat(page.models())
          .as("developer %s gateway %s cheapest %s offset %d", developer, gateway, cheapest, offset)
          .isEqualTo(
              all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)));
    }
  }

  // A known word, or a piece of a random model's id or name.
  private static String query(Random random, Catalog catalog) {
    if (random.nextBoolean()) {
      return WORDS.get(random.nextInt(WORDS.size()));
    }
    Model model = catalog.models().get(random.nextInt(catalog.size()));
    String source = random.nextBoolean() ? model.id() : model.name();
    int from = random.nextInt(source.length());
    return source.substring(from, Math.min(source.length(), from + 1 + random.nextInt(8)));
  }

  private static List<Model> scan(
      Catalog catalog, String developer, String gateway, TextQuery text, boolean cheapest) {
    Stream<Model> found =
        catalog.models().stream()
            .filter(m -> developer == null || developer.equals(m.developer()))
            .filter(m -> gateway == null || m.sourceGateways().contains(gateway))
            .filter(m -> text == null || text.matches(m));
    return cheapest
        ? found.sorted((a, b) -> Pricing.CHEAPEST_FIRST.compare(a.pricing(), b.pricing())).toList()
        : found.toList();
  }

  @Test
  void theBiggestDevelopersComeFirstAndEmptyOnesNever() {
    Catalog catalog =
        Catalog.of(
            new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of())
                .merge(new GeneratedCatalog(2).state(2_000)));

    List<String> top = catalog.index().topDevelopers(3);

    assertThat(top).hasSize(3).doesNotContain("");
    int first = catalog.index().select(top.get(0), null, null, false).size();
    int third = catalog.index().select(top.get(2), null, null, false).size();
    assertThat(first).isGreaterThanOrEqualTo(third);
    for (String developer : catalog.developers()) {
      if (!top.contains(developer)) {
        assertThat(catalog.index().select(developer, null, null, false).size())
            .isLessThanOrEqualTo(third);
      }
    }
  }
}
