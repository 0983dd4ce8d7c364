package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.gateway.format.ListFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The listings of the identity evaluation, in merge order: the OpenRouter list, then Groq's, then
 * models.dev's offers, each parsed by the application's own list format. models.dev's providers
 * "openrouter" and "groq" are left out: here they are gateways of their own, and a models.dev
 * provider that is also a gateway is that gateway's list a second time.
 */
record EvaluationInput(List<Sold> listings) {

  /** One listing and the seller it is an offer of. */
  record Sold(String gateway, String seller, Listing listing) {
    String ref() {
      return seller + "|" + listing.id();
    }
  }

  static final Set<String> LEFT_OUT_PROVIDERS = Set.of("openrouter", "groq");

  /** The lists as {@code open} provides them: openrouter, groq and models-dev bodies. */
  static EvaluationInput parse(InputStream openRouter, InputStream groq, InputStream modelsDev) {
    List<Sold> sold = new ArrayList<>();
    add(sold, "openrouter", "openrouter", openRouter);
    add(sold, "groq", "openai", groq);
    add(sold, "models-dev", "models-dev", modelsDev);
    return new EvaluationInput(List.copyOf(sold));
  }

  private static void add(List<Sold> sold, String gateway, String format, InputStream body) {
    try (body) {
      for (Listing listing : ListFormats.forName(format).parse(body, gateway).models()) {
        String seller = listing.offerLabel(gateway);
        if (!gateway.equals("models-dev") || !LEFT_OUT_PROVIDERS.contains(seller)) {
          sold.add(new Sold(gateway, seller, listing));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse the " + gateway + " list: " + e, e);
    }
  }
}
