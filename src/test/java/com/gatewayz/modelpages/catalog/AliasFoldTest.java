package com.gatewayz.modelpages.catalog;

import static com.gatewayz.modelpages.catalog.CatalogMergerTest.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored catalog from versions that kept webhook entries under an alias, read at start-up. */
class AliasFoldTest {

  private static final GatewayNames NAMES =
      GatewayNames.of(List.of("huggingface", "xai"), Map.of("hug", "huggingface"));
  private static final SourceEntry OLD_A = SourceEntry.listed(listing("x/a", null, "1", "1"), 100);
  private static final SourceEntry NEW_A = SourceEntry.listed(listing("x/a", null, "2", "2"), 200);
  private static final SourceEntry B = SourceEntry.listed(listing("x/b", null, "1", "1"), 100);

  private static CatalogState state(Map<String, Map<String, SourceEntry>> sources) {
    return new CatalogState(new LinkedHashMap<>(sources), Map.of(), Map.of());
  }

  @Test
  void entriesUnderAnAliasMoveToTheIdTheNewerEntryWinning() {
    CatalogState stored =
        state(Map.of("huggingface", Map.of("x/a", OLD_A), "hug", Map.of("x/a", NEW_A, "x/b", B)));

    AliasFold.Folded folded = AliasFold.fold(stored, NAMES);

    assertThat(folded.aliases()).containsExactly(Map.entry("hug", "huggingface"));
    assertThat(folded.state().sources()).containsOnlyKeys("huggingface");
    assertThat(folded.state().entriesOf("huggingface"))
        .containsOnly(Map.entry("x/a", NEW_A), Map.entry("x/b", B));
  }

  @Test
  void onEqualTimesARemovalUnderEitherNameWins() {
    SourceEntry removed = new SourceEntry(OLD_A.listing(), 100, 0, true);
    CatalogState stored =
        state(Map.of("huggingface", Map.of("x/a", OLD_A), "hug", Map.of("x/a", removed)));

    assertThat(AliasFold.fold(stored, NAMES).state().entriesOf("huggingface").get("x/a"))
        .isEqualTo(removed);
  }

  @Test
  void aStateWithoutAliasesIsKeptAsItIsUnknownNamesIncluded() {
    CatalogState stored =
        state(Map.of("xai", Map.of("x/b", B), "gone-gateway", Map.of("x/a", OLD_A)));

    AliasFold.Folded folded = AliasFold.fold(stored, NAMES);

    assertThat(folded.aliases()).isEmpty();
    assertThat(folded.state()).isSameAs(stored);
  }

  @Test
  void aReportedStatusUnderAnAliasMovesToTheIdTheNewerWinning() {
    CatalogState stored =
        new CatalogState(
            Map.of(),
            Map.of(),
            new LinkedHashMap<>(
                Map.of(
                    "huggingface",
                    new ReportedStatus("up", 100),
                    "hug",
                    new ReportedStatus("down", 200))));

    assertThat(AliasFold.fold(stored, NAMES).state().gatewayStatus())
        .containsOnly(Map.entry("huggingface", new ReportedStatus("down", 200)));
  }
}
