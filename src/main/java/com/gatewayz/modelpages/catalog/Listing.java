package com.gatewayz.modelpages.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model as one gateway lists it, before it is merged into the catalog. Built from untrusted
 * input (list format adapters, webhooks, the stored catalog), so the constructor bounds every field
 * by {@link ListingBounds}: the id must be valid per {@link ModelId} (else {@link
 * IllegalArgumentException}); text is cleaned of control and bidi characters and cut; numbers out
 * of bounds and invalid slugs become unknown (null). Bounding is idempotent: a stored listing loads
 * back equal.
 *
 * @param id our catalog id, valid per {@link ModelId}
 * @param gatewayModelId the raw id as the gateway uses it in API calls
 * @param canonicalSlug OpenRouter's {@code canonical_slug}, else null
 * @param name the display name without a "Developer: " prefix; the id's last segment when unnamed
 * @param developer the developer slug ({@link Slugs#developer}, at most 64 characters); the one the
 *     id implies when not given
 * @param description the description, or null
 * @param contextLength the context window in tokens, or null when unknown
 * @param maxCompletionTokens the output limit in tokens, or null when unknown
 * @param pricing USD per token; never null, {@link Pricing#UNKNOWN} when the gateway lists none
 * @param architecture the modalities, or null when the gateway does not say
 * @param supportedParameters the request parameters the gateway accepts; never null
 * @param created epoch seconds, or null when unknown
 * @param provider the models.dev provider id the entry came from when it is a valid gateway id,
 *     else null
 * @param huggingFaceId the Hugging Face repo ({@code org/name}) the gateway says it serves
 *     (OpenRouter's {@code hugging_face_id}), else null (an invalid one is dropped)
 */
public record Listing(
    String id,
    String gatewayModelId,
    String canonicalSlug,
    String name,
    String developer,
    String description,
    Long contextLength,
    Long maxCompletionTokens,
    Pricing pricing,
    Architecture architecture,
    List<String> supportedParameters,
    Long created,
    String provider,
    String huggingFaceId) {

  private static final java.util.regex.Pattern REPO_ID =
      java.util.regex.Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}");

  public Listing {
    Optional<String> problem = ModelId.problem(id);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("model id '" + id + "' " + problem.get());
    }
    gatewayModelId = validOr(gatewayModelId, id);
    canonicalSlug = validOr(canonicalSlug, null);
    name =
        Objects.requireNonNullElse(
            ListingBounds.line(name, ListingBounds.MAX_NAME),
            id.substring(id.lastIndexOf('/') + 1));
    developer = ListingBounds.developer(developer, id);
    description = ListingBounds.paragraphs(description, ListingBounds.MAX_DESCRIPTION);
    contextLength = ListingBounds.tokens(contextLength);
    maxCompletionTokens = ListingBounds.tokens(maxCompletionTokens);
    pricing = ListingBounds.pricing(pricing);
    architecture = ListingBounds.architecture(architecture);
    supportedParameters = ListingBounds.strings(supportedParameters);
    created = ListingBounds.created(created);
    provider = provider == null || !LABEL.matcher(provider).matches() ? null : provider;
    huggingFaceId = isRepoId(huggingFaceId) ? huggingFaceId : null;
  }

  private static String validOr(String id, String fallback) {
    return id != null && ModelId.isValid(id) ? id : fallback;
  }

  /** A builder of a listing with our catalog id {@code id}; every other field starts unknown. */
  public static ListingBuilder builder(String id) {
    return new ListingBuilder(id);
  }

  /** True for a Hugging Face repo id: {@code org/name}, each 1–96 of {@code A-Z a-z 0-9 . _ -}. */
  public static boolean isRepoId(String value) {
    return value != null && REPO_ID.matcher(value).matches();
  }

  private static final java.util.regex.Pattern LABEL =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /**
   * The gateway an offer is shown under: the models.dev provider when the listing came from
   * models.dev (and is a valid gateway id), else the gateway that listed it.
   */
  public String offerLabel(String sourceGateway) {
    return provider != null ? provider : sourceGateway;
  }

  /**
   * The key of this listing among its gateway's entries: the id, or for a models.dev provider's
   * listing the provider and the id, since several providers list one id (each is an offer).
   */
  public String entryKey() {
    return provider == null ? id : provider + " " + id;
  }

  /**
   * True for a key {@link #entryKey} can give: a model id, or a provider label, a space and one.
   */
  static boolean isEntryKey(String key) {
    int space = key.indexOf(' ');
    return ModelId.isValid(key.substring(space + 1))
        && (space < 0 || LABEL.matcher(key.substring(0, space)).matches());
  }

  /** This listing as an offer of {@code label}, with what the identity resolver found. */
  Offer toOffer(String label, ModelIdentity identity, Evidence evidence) {
    return new Offer(
        label, pricing, contextLength, maxCompletionTokens, id, identity.quantization(), evidence);
  }

  /** A listing carrying what a model document says (a webhook's or the curated file's model). */
  public static Listing of(Model model, Offer offer) {
    return builder(model.id())
        .gatewayModelId(model.id())
        .name(model.name())
        .developer(model.developer())
        .description(model.description())
        .contextLength(
            offer.contextLength() != null
                ? offer.contextLength()
                : model.contextLength() > 0 ? model.contextLength() : null)
        .maxCompletionTokens(offer.maxCompletionTokens())
        .pricing(offer.pricing())
        .architecture(model.architecture())
        .supportedParameters(model.supportedParameters())
        .created(model.created())
        .build();
  }
}
