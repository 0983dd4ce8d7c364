package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One set of bounds for every way a listing enters: what is accepted once loads back equal. */
class ListingBoundsTest {

  static final String HOSTILE =
      "A\u0000B\u202EC\u2066D\u200FE\u0085F\u009BG\u007FH\u0007I\uD800J\uFFFEK";

  private static Listing listing(
      String name, String developer, String description, Long created, Pricing pricing) {
    return Listing.builder("x/model")
        .name(name)
        .developer(developer)
        .description(description)
        .contextLength(131072L)
        .pricing(pricing)
        .created(created)
        .build();
  }

  private static Listing roundTrip(Listing listing) throws InvalidModelException {
    return ListingJson.read(ListingJson.write(listing), "test");
  }

  @Test
  void controlAndBidiCharactersAreRemovedFromEveryTextField() {
    Listing listing =
        Listing.builder("x/model")
            .name(HOSTILE)
            .developer(HOSTILE)
            .description(HOSTILE + "\n\tnext line\r\nlast")
            .architecture(new Architecture(List.of("te\u202Ext"), List.of("text")))
            .supportedParameters(List.of("too\u0000ls"))
            .build();

    assertThat(listing.name()).isEqualTo("ABCDEFGHIJK");
    assertThat(listing.developer()).isEqualTo("abcdefghijk");
    assertThat(listing.description()).isEqualTo("ABCDEFGHIJK\n\tnext line\nlast");
    assertThat(listing.architecture().inputModalities()).containsExactly("text");
    assertThat(listing.supportedParameters()).containsExactly("tools");
  }

  @Test
  void aNameIsOneLineAndABlankOneIsTheIdsLastSegment() {
    assertThat(listing("Grok\n3\tmini", null, null, null, null).name()).isEqualTo("Grok 3 mini");
    assertThat(listing("\u202E\u0000 ", null, null, null, null).name()).isEqualTo("model");
  }

  @Test
  void numbersOutOfBoundsBecomeUnknown() {
    long year3024 = 33_260_976_000L;
    Pricing absurd = new Pricing(new BigDecimal("1001"), new BigDecimal("-2"));
    Pricing tiny = new Pricing(new BigDecimal("1E-31"), new BigDecimal("-1"));

    assertThat(listing("n", null, null, year3024, absurd).created()).isNull();
    assertThat(listing("n", null, null, ListingBounds.MAX_CREATED, null).created())
        .isEqualTo(ListingBounds.MAX_CREATED);
    assertThat(listing("n", null, null, null, absurd).pricing()).isEqualTo(Pricing.UNKNOWN);
    assertThat(listing("n", null, null, null, tiny).pricing())
        .isEqualTo(new Pricing(null, new BigDecimal("-1")));
    assertThat(Listing.builder("x/m").contextLength(0L).maxCompletionTokens(100_000_001L).build())
        .satisfies(l -> assertThat(l.contextLength()).isNull())
        .satisfies(l -> assertThat(l.maxCompletionTokens()).isNull());
  }

  @Test
  void listsAreCappedAndDeveloperSlugsNormalisedAsAtLoad() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add("p" + i);
    }
    many.add(0, "x".repeat(65));

    Listing listing =
        Listing.builder("Mistral.AI/m").supportedParameters(many).provider("io.net").build();

    assertThat(listing.supportedParameters())
        .hasSize(ListingBounds.MAX_LIST_ITEMS)
        .startsWith("p0");
    assertThat(listing.developer()).isEqualTo("mistral-ai");
    assertThat(listing.provider()).isNull();
    assertThat(listing("n", "d".repeat(100), null, null, null).developer())
        .hasSize(ListingBounds.MAX_SLUG);
  }

  @Test
  void whatIsAcceptedLoadsBackEqual() throws InvalidModelException {
    List<String> texts =
        List.of(
            HOSTILE, "é 😀 漢字", " padded ", "x".repeat(30_000), "\r\n\r", "a\u2028b\u2029c", "");
    for (String text : texts) {
      List<String> items = new ArrayList<>(Collections.nCopies(3, text));
      items.add(text + "2");
      Listing listing =
          Listing.builder("a/" + "b".repeat(40))
              .gatewayModelId(text)
              .canonicalSlug(text)
              .name(text)
              .developer(text)
              .description(text)
              .contextLength(5L)
              .maxCompletionTokens(7L)
              .pricing(
                  new Pricing(
                      new BigDecimal("0.0000000000000000000000000000015"),
                      new BigDecimal("1000.000")))
              .architecture(new Architecture(items, items))
              .supportedParameters(items)
              .created(1_700_000_000L)
              .provider(text)
              .build();

      assertThat(roundTrip(listing)).as("listing from %s", text).isEqualTo(listing);
    }
  }

  @Test
  void theStrictReaderRejectsWithTheSameBounds() {
    assertThat(ListingBounds.priceProblem(new BigDecimal("1000"))).isNull();
    assertThat(ListingBounds.priceProblem(new BigDecimal("1000.0001")))
        .contains("between -1 and 1000");
    assertThat(ListingBounds.priceProblem(new BigDecimal("1E-31"))).contains("30 decimal places");
  }
}
