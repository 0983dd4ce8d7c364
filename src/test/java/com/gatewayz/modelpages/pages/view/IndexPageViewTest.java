package com.gatewayz.modelpages.pages.view;

import static com.gatewayz.modelpages.testing.TestModels.SITE;
import static com.gatewayz.modelpages.testing.TestModels.model;
import static com.gatewayz.modelpages.testing.TestModels.offer;
import static com.gatewayz.modelpages.testing.TestModels.withOffers;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexPageViewTest {

  private final Catalog catalog = catalogOf(500);

  private static Catalog catalogOf(int count) {
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Model model = model("dev" + (i % 3) + "/model-" + i, "dev" + (i % 3), "0.000001", 128_000);
      models.add(
          withOffers(model, offer(i % 2 == 0 ? "groq" : "openrouter", "0.000001", "0.000002")));
    }
    return Catalog.of(models);
  }

  private IndexPageView view(String rawQuery) {
    IndexQuery query = IndexQuery.parse(rawQuery);
    return IndexPageView.of(catalog, query, ModelSearch.run(catalog, query), SITE);
  }

  @Test
  void paginationLinksKeepTheOtherParameters() {
    IndexPageView page = view("q=model&developer=dev1&sort=name&page=2");

    assertThat(page.getPage()).isEqualTo(2);
    assertThat(page.getPageCount()).isEqualTo(4);
    assertThat(page.getPrevHref()).isEqualTo("/ctx/models?developer=dev1&q=model&sort=name");
    assertThat(page.getNextHref()).isEqualTo("/ctx/models?developer=dev1&page=3&q=model&sort=name");
    assertThat(page.getPages())
        .extracting(PageLink::getNumber, PageLink::isCurrent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, false),
            org.assertj.core.groups.Tuple.tuple(2, true),
            org.assertj.core.groups.Tuple.tuple(3, false),
            org.assertj.core.groups.Tuple.tuple(4, false));
    assertThat(page.getPages().get(3).getHref())
        .isEqualTo("/ctx/models?developer=dev1&page=4&q=model&sort=name");
  }

  @Test
  void firstAndLastPagesHaveNoPrevOrNext() {
    assertThat(view("").getPrevHref()).isEmpty();
    assertThat(view("").getNextHref()).isEqualTo("/ctx/models?page=2");
    assertThat(view("page=11").getNextHref()).isEmpty();
    assertThat(view("page=11").getPrevHref()).isEqualTo("/ctx/models?page=10");
  }

  @Test
  void distantPagesCollapseIntoGaps() {
    List<PageLink> pages = view("page=6").getPages();

    assertThat(pages)
        .extracting(link -> link.isGap() ? "…" : Integer.toString(link.getNumber()))
        .containsExactly("1", "…", "4", "5", "6", "7", "8", "…", "11");
    assertThat(pages.get(0).getHref()).isEqualTo("/ctx/models");
  }

  @Test
  void pageBeyondTheLastShowsTheLast() {
    IndexPageView page = view("page=99");

    assertThat(page.getPage()).isEqualTo(11);
    assertThat(page.getCanonicalUrl()).isEqualTo("https://models.example.com/models?page=11");
    assertThat(page.getSummary()).isEqualTo("481\u2013500 of 500 models");
  }

  @Test
  void sortLinksKeepFiltersAndGoBackToPageOne() {
    IndexPageView page = view("gateway=groq&free=1&page=3");

    assertThat(page.getFilters().getSorts())
        .extracting(Option::getValue, Option::isSelected, Option::getHref)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple("popular", true, "/ctx/models?free=1&gateway=groq"),
            org.assertj.core.groups.Tuple.tuple(
                "name", false, "/ctx/models?free=1&gateway=groq&sort=name"));
    assertThat(page.getFilters().isFree()).isTrue();
  }

  @Test
  void filterOptionsStartWithAnyAndMarkTheSelection() {
    IndexPageView page = view("developer=dev2&modality=image");

    assertThat(page.getFilters().getDevelopers())
        .extracting(Option::getValue, Option::isSelected)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("", false),
            org.assertj.core.groups.Tuple.tuple("dev0", false),
            org.assertj.core.groups.Tuple.tuple("dev1", false),
            org.assertj.core.groups.Tuple.tuple("dev2", true));
    assertThat(page.getFilters().getGateways())
        .extracting(Option::getLabel)
        .containsExactly("Any gateway", "Groq", "OpenRouter");
    assertThat(page.getFilters().getModalities())
        .filteredOn(Option::isSelected)
        .extracting(Option::getValue)
        .containsExactly("image");
    assertThat(page.getHeading()).isEqualTo("Dev2 models");
  }

  @Test
  void cardsShowTheResults() {
    IndexPageView page = view("q=dev1/model-7&sort=name");

    assertThat(page.getCards())
        .first()
        .extracting(
            ModelCard::getName, ModelCard::getHref, ModelCard::getInputPrice, ModelCard::getContext)
        .containsExactly("dev1/model-7", "/ctx/models/dev1/model-7", "$1.00 / 1M", "128K tokens");
    assertThat(page.getRobots()).isEqualTo("noindex, follow");
    assertThat(page.getQ()).isEqualTo("dev1/model-7");
    assertThat(page.getTitle()).isEqualTo("Search results | Gatewayz");
  }

  @Test
  void emptyResultHasOnePageAndNoLinks() {
    IndexPageView page = view("q=nothing-matches");

    assertThat(page.getCards()).isEmpty();
    assertThat(page.getSummary()).isEqualTo("No models match");
    assertThat(page.getPrevHref()).isEmpty();
    assertThat(page.getNextHref()).isEmpty();
    assertThat(page.getPages()).hasSize(1);
  }

  @Test
  void aSortedPageIsCanonicalToTheUnsortedFirstPageOfItsFilters() {
    assertThat(view("developer=dev1&sort=price&page=2").getCanonicalUrl())
        .isEqualTo("https://models.example.com/models?developer=dev1");
    assertThat(view("developer=dev1&page=2").getCanonicalUrl())
        .isEqualTo("https://models.example.com/models?developer=dev1&page=2");
  }

  @Test
  void emptyResultsAreNotIndexed() {
    assertThat(view("developer=dev1&modality=video").getRobots()).isEqualTo("noindex, follow");
    assertThat(view("developer=dev1").getRobots()).isEqualTo("index, follow");
  }
}
