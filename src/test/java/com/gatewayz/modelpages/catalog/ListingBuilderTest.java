package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListingBuilderTest {

  @Test
  void fieldsNotSetAreUnknownAndTheListingIsBoundedLikeAnyOther() {
    Listing listing =
        Listing.builder("acme/model-1").name("Model\u202e 1").contextLength(-5L).build();

    assertThat(listing)
        .isEqualTo(
            new Listing(
                "acme/model-1",
                null,
                null,
                "Model 1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(listing.name()).isEqualTo("Model 1");
    assertThat(listing.gatewayModelId()).isEqualTo("acme/model-1");
    assertThat(listing.contextLength()).isNull();
    assertThat(listing.pricing()).isEqualTo(Pricing.UNKNOWN);
    assertThat(listing.supportedParameters()).isEqualTo(List.of());
  }

  @Test
  void everyFieldReachesTheRecord() {
    Listing listing =
        Listing.builder("acme/model-1")
            .gatewayModelId("Model-1")
            .canonicalSlug("acme/model-1-2025")
            .developer("acme")
            .description("text")
            .maxCompletionTokens(4096L)
            .supportedParameters(List.of("tools"))
            .created(1_700_000_000L)
            .provider("groq")
            .huggingFaceId("acme/Model-1")
            .build();

    assertThat(listing.gatewayModelId()).isEqualTo("Model-1");
    assertThat(listing.canonicalSlug()).isEqualTo("acme/model-1-2025");
    assertThat(listing.description()).isEqualTo("text");
    assertThat(listing.maxCompletionTokens()).isEqualTo(4096L);
    assertThat(listing.supportedParameters()).containsExactly("tools");
    assertThat(listing.created()).isEqualTo(1_700_000_000L);
    assertThat(listing.entryKey()).isEqualTo("groq acme/model-1");
    assertThat(listing.huggingFaceId()).isEqualTo("acme/Model-1");
  }

  @Test
  void anInvalidIdIsRefusedAtBuild() {
    assertThatThrownBy(() -> Listing.builder("no slash").build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
