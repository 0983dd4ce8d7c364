package com.gatewayz.modelpages.pages.view;

import java.util.Locale;
import java.util.Map;

/**
 * Human names for gateway ids and developer slugs ({@code x-ai} → "xAI"). Unknown slugs are
 * title-cased word by word ({@code prime-intellect} → "Prime Intellect"), so a new gateway or
 * developer still reads well before anyone adds it here.
 */
public final class DisplayNames {

  private static final Map<String, String> GATEWAYS =
      Map.ofEntries(
          Map.entry("openrouter", "OpenRouter"),
          Map.entry("groq", "Groq"),
          Map.entry("together", "Together AI"),
          Map.entry("xai", "xAI"),
          Map.entry("fireworks", "Fireworks AI"),
          Map.entry("deepinfra", "DeepInfra"),
          Map.entry("nebius", "Nebius AI Studio"),
          Map.entry("cerebras", "Cerebras"),
          Map.entry("featherless", "Featherless"),
          Map.entry("chutes", "Chutes"),
          Map.entry("huggingface", "Hugging Face"),
          Map.entry("vercel-ai-gateway", "Vercel AI Gateway"),
          Map.entry("novita", "Novita AI"),
          Map.entry("sambanova", "SambaNova"),
          Map.entry("hyperbolic", "Hyperbolic"),
          Map.entry("alibaba", "Alibaba Cloud"),
          Map.entry("aihubmix", "AiHubMix"),
          Map.entry("anannas", "Anannas"),
          Map.entry("helicone", "Helicone"),
          Map.entry("near", "NEAR AI"),
          Map.entry("fal", "fal.ai"),
          Map.entry("aimo", "AIMO Network"),
          Map.entry("cloudflare", "Cloudflare Workers AI"),
          Map.entry("models-dev", "models.dev"));

  private static final Map<String, String> DEVELOPERS =
      Map.ofEntries(
          Map.entry("openai", "OpenAI"),
          Map.entry("x-ai", "xAI"),
          Map.entry("xai", "xAI"),
          Map.entry("meta-llama", "Meta"),
          Map.entry("meta", "Meta"),
          Map.entry("mistralai", "Mistral AI"),
          Map.entry("z-ai", "Z.ai"),
          Map.entry("deepseek", "DeepSeek"),
          Map.entry("moonshotai", "Moonshot AI"),
          Map.entry("nvidia", "NVIDIA"),
          Map.entry("minimax", "MiniMax"),
          Map.entry("nousresearch", "Nous Research"),
          Map.entry("ai21", "AI21 Labs"),
          Map.entry("deepcogito", "Deep Cogito"),
          Map.entry("essentialai", "Essential AI"),
          Map.entry("openrouter", "OpenRouter"),
          Map.entry("ibm-granite", "IBM Granite"));

  private DisplayNames() {}

  /** The display name of a gateway id; never null. */
  public static String gateway(String id) {
    String known = GATEWAYS.get(id);
    return known != null ? known : titleCase(id);
  }

  /** The display name of a developer slug; empty for an empty slug. */
  public static String developer(String slug) {
    String known = slug == null ? null : DEVELOPERS.get(slug);
    return known != null ? known : titleCase(slug);
  }

  private static String titleCase(String slug) {
    if (slug == null) {
      return "";
    }
    // Every index page and card names developers: words found by hand, not by a regex split.
    StringBuilder out = new StringBuilder(slug.length());
    int at = 0;
    while (at < slug.length()) {
      int end = at;
      while (end < slug.length() && !isSeparator(slug.charAt(end))) {
        end++;
      }
      if (end > at) {
        out.append(out.length() == 0 ? "" : " ");
        out.append(slug.substring(at, at + 1).toUpperCase(Locale.ROOT)).append(slug, at + 1, end);
      }
      at = end + 1;
    }
    return out.toString();
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == '_';
  }
}
