package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.catalog.Architecture;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.catalog.Pricing;
import java.util.List;
import java.util.Optional;

/**
 * One model as one gateway lists it, before it is merged into the catalog. Built by the list format
 * adapters from untrusted responses, so every field is already bounded: the id is valid per {@link
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
 */
public record ListedModel(
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

  public ListedModel {
    Optional<String> problem = ModelId.problem(id);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("model id '" + id + "' " + problem.get());
    }
    pricing = pricing == null ? Pricing.UNKNOWN : pricing;
    supportedParameters =
        supportedParameters == null ? List.of() : List.copyOf(supportedParameters);
  }
}
