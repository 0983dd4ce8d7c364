package com.gatewayz.modelpages.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One model as one gateway lists it, before it is merged into the catalog. Built by the list format
 * adapters and webhooks from untrusted input, so every field is already bounded: the id is valid per {@link
 * ModelId}, names and descriptions are truncated, limits are positive and plausible.
 *
 * @param id our catalog id, valid per {@link ModelId}
 * @param gatewayModelId the raw id as the gateway uses it in API calls
 * @param canonicalSlug OpenRouter's {@code canonical_slug}, else null
 * @param name the display name without a "Developer: " prefix; the id's last segment when unnamed
 * @param developer the developer slug, lower-case
 * @param description the description, or null
 * @param contextLength the context window in tokens, or null when unknown
 * @param maxCompletionTokens the output limit in tokens, or null when unknown
 * @param pricing USD per token; never null, {@link Pricing#UNKNOWN} when the gateway lists none
 * @param architecture the modalities, or null when the gateway does not say
 * @param supportedParameters the request parameters the gateway accepts; never null
 * @param created epoch seconds, or null when unknown
 * @param provider the models.dev provider id the entry came from, else null
 * @param huggingFaceId the Hugging Face repo ({@code org/name}) the gateway says it serves
 *     (OpenRouter's {@code hugging_face_id}), else null
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
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}");

  public Listing {
    Optional<String> problem = ModelId.problem(id);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("model id '" + id + "' " + problem.get());
    }
    gatewayModelId = gatewayModelId == null ? id : gatewayModelId;
    name = name == null || name.isBlank() ? id.substring(id.lastIndexOf('/') + 1) : name;
    developer = developer == null || developer.isBlank() ? Slugs.developerOf(id) : developer;
    pricing = pricing == null ? Pricing.UNKNOWN : pricing;
    supportedParameters =
        supportedParameters == null ? List.of() : List.copyOf(supportedParameters);
    if (huggingFaceId != null && !isRepoId(huggingFaceId)) {
      throw new IllegalArgumentException("not a Hugging Face repo id: " + huggingFaceId.length() + " characters");
    }
  }

  /** A listing without a Hugging Face repo id. */
  public Listing(
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
      String provider) {
    this(id, gatewayModelId, canonicalSlug, name, developer, description, contextLength,
        maxCompletionTokens, pricing, architecture, supportedParameters, created, provider, null);
  }

  /** True for a Hugging Face repo id: {@code org/name}, each 1–96 of {@code A-Z a-z 0-9 . _ -}. */
  public static boolean isRepoId(String value) {
    return value != null && REPO_ID.matcher(value).matches();
  }

  private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /**
   * The gateway an offer is shown under: the models.dev provider when the listing came from
   * models.dev (and is a valid gateway id), else the gateway that listed it.
   */
  public String offerLabel(String sourceGateway) {
    return provider != null && LABEL.matcher(provider).matches() ? provider : sourceGateway;
  }

  /**
   * The key of this listing among its gateway's entries: the id, or for a models.dev provider's
   * listing the provider and the id, since several providers list one id (each is an offer).
   */
  public String entryKey() {
    return provider == null ? id : provider + " " + id;
  }

  /** This listing as an offer of {@code label}, with what the identity resolver found. */
  Offer toOffer(String label, ModelIdentity identity, Evidence evidence) {
    return new Offer(label, pricing, contextLength, maxCompletionTokens, id, identity.quantization(), evidence);
  }

  /** A listing carrying what a model document says (a webhook's or the curated file's model). */
  public static Listing of(Model model, Offer offer) {
    return new Listing(
        model.id(),
        model.id(),
        null,
        model.name(),
        model.developer(),
        model.description(),
        offer.contextLength() != null ? offer.contextLength() : model.contextLength() > 0 ? model.contextLength() : null,
        offer.maxCompletionTokens(),
        offer.pricing(),
        model.architecture(),
        model.supportedParameters(),
        model.created(),
        null);
  }
}
