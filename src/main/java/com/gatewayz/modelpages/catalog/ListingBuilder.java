package com.gatewayz.modelpages.catalog;

import java.util.List;

/**
 * Builds a {@link Listing} by field name: every field a list format does not know stays unknown
 * (null, {@link Pricing#UNKNOWN}, no parameters). {@link #build()} goes through the record's
 * canonical constructor, so the listing is bounded and cleaned as always. Not thread-safe; one
 * builder per listing.
 */
public final class ListingBuilder {

  private final String id;
  private String gatewayModelId;
  private String canonicalSlug;
  private String name;
  private String developer;
  private String description;
  private Long contextLength;
  private Long maxCompletionTokens;
  private Pricing pricing;
  private Architecture architecture;
  private List<String> supportedParameters;
  private Long created;
  private String provider;
  private String huggingFaceId;

  ListingBuilder(String id) {
    this.id = id;
  }

  public ListingBuilder gatewayModelId(String value) {
    this.gatewayModelId = value;
    return this;
  }

  public ListingBuilder canonicalSlug(String value) {
    this.canonicalSlug = value;
    return this;
  }

  public ListingBuilder name(String value) {
    this.name = value;
    return this;
  }

  public ListingBuilder developer(String value) {
    this.developer = value;
    return this;
  }

  public ListingBuilder description(String value) {
    this.description = value;
    return this;
  }

  public ListingBuilder contextLength(Long value) {
    this.contextLength = value;
    return this;
  }

  public ListingBuilder maxCompletionTokens(Long value) {
    this.maxCompletionTokens = value;
    return this;
  }

  public ListingBuilder pricing(Pricing value) {
    this.pricing = value;
    return this;
  }

  public ListingBuilder architecture(Architecture value) {
    this.architecture = value;
    return this;
  }

  public ListingBuilder supportedParameters(List<String> value) {
    this.supportedParameters = value;
    return this;
  }

  public ListingBuilder created(Long value) {
    this.created = value;
    return this;
  }

  public ListingBuilder provider(String value) {
    this.provider = value;
    return this;
  }

  public ListingBuilder huggingFaceId(String value) {
    this.huggingFaceId = value;
    return this;
  }

  /**
   * The listing.
   *
   * @throws IllegalArgumentException when the id is not a valid {@link ModelId}
   */
  public Listing build() {
    return new Listing(
        id,
        gatewayModelId,
        canonicalSlug,
        name,
        developer,
        description,
        contextLength,
        maxCompletionTokens,
        pricing,
        architecture,
        supportedParameters,
        created,
        provider,
        huggingFaceId);
  }
}
