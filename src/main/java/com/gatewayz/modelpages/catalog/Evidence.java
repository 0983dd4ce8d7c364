package com.gatewayz.modelpages.catalog;

import java.util.Locale;

/**
 * Why an offer was joined to a model, strongest first. A model's first listing is {@link #PRIMARY};
 * every other offer names the evidence that matched it, so a merge can be explained.
 */
public enum Evidence {
  /** The model's first listing: nothing was matched. */
  PRIMARY,
  /**
   * A shared Hugging Face repo id that a gateway declared (OpenRouter's {@code hugging_face_id}).
   */
  HUGGING_FACE_ID,
  /** The same {@code org/repo} id, ignoring case and host prefixes ({@code hf:}, {@code @cf/}). */
  SAME_ID,
  /** OpenRouter's {@code canonical_slug}. */
  CANONICAL_SLUG,
  /** The same developer and name after normalising case, separators, quantization and aliases. */
  NORMALISED_ID,
  /** A provider-specific name mapped by the alias table ({@code llama-3.3-70b-versatile}). */
  ALIAS_TABLE,
  /** A name listed without a developer that only one developer's model carries. */
  MODEL_NAME;

  /** The JSON spelling: {@code hugging_face_id}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
