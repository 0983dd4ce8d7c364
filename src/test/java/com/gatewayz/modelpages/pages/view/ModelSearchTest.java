package com.gatewayz.modelpages.pages.view;

import static com.gatewayz.modelpages.testing.TestModels.model;
import static com.gatewayz.modelpages.testing.TestModels.offer;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.catalog.TextQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A page of the index read from the catalog's index is the page a scan of every model gives. */
class ModelSearchTest {

  private static final List<String> DEVELOPERS = List.of("openai", "anthropic", "qwen", "x");
  private static final List<String> GATEWAYS = List.of("openrouter", "groq", "together");
  private static final List<String> WORDS = List.of("mini", "coder", "7", "pro", "qwen", "zz");

  @Test
  void indexPagesEqualScannedPages() {
    Catalog catalog = generated(new Random(3), 600);
    Random random = new Random(4);
    for (int i = 0; i < 500; i++) {
      String raw = randomQuery(random);
      IndexQuery query = IndexQuery.parse(raw);

      ModelSearch.Result result = ModelSearch.run(catalog, query);

      List<Model> all = scan(catalog, query);
      int pageCount = Math.max(1, (all.size() + 47) / 48);
      int page = Math.min(query.page(), pageCount);
      assertThat(result.total()).as(raw).isEqualTo(all.size());
      assertThat(result.pageCount()).as(raw).isEqualTo(pageCount);
      assertThat(result.page()).as(raw).isEqualTo(page);
      assertThat(result.models())
          .as(raw)
          .isEqualTo(all.subList((page - 1) * 48, Math.min(all.size(), page * 48)));
    }
  }

  private static String randomQuery(Random random) {
    List<String> params = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      params.add("developer=" + DEVELOPERS.get(random.nextInt(DEVELOPERS.size())));
    }
    if (random.nextInt(3) == 0) {
      params.add("gateway=" + GATEWAYS.get(random.nextInt(GATEWAYS.size())));
    }
    if (random.nextInt(3) == 0) {
      params.add("q=" + WORDS.get(random.nextInt(WORDS.size())));
    }
    if (random.nextBoolean()) {
      params.add("sort=price");
    }
    params.add("page=" + (1 + random.nextInt(15)));
    return String.join("&", params);
  }

  private static List<Model> scan(Catalog catalog, IndexQuery query) {
    TextQuery text = query.q() == null ? null : TextQuery.of(query.q());
    Stream<Model> found =
        catalog.models().stream()
            .filter(m -> query.developer() == null || query.developer().equals(m.developer()))
            .filter(m -> query.gateway() == null || m.sourceGateways().contains(query.gateway()))
            .filter(m -> text == null || text.matches(m));
    return query.sort() == IndexQuery.Sort.PRICE
        ? found.sorted((a, b) -> Pricing.CHEAPEST_FIRST.compare(a.pricing(), b.pricing())).toList()
        : found.toList();
  }

  private static Catalog generated(Random random, int count) {
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String developer = DEVELOPERS.get(random.nextInt(DEVELOPERS.size()));
      String id = developer + "/" + WORDS.get(random.nextInt(WORDS.size())) + "-" + i;
      String price = "0.00000" + random.nextInt(10);
      Model model = model(id, developer, price, 8192);
      String gateway = GATEWAYS.get(random.nextInt(GATEWAYS.size()));
      models.add(model.withOffers(List.of(offer(gateway, price, price))));
    }
    return Catalog.of(models);
  }
}
