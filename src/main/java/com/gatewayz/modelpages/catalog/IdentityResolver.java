package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a listing's {@link ModelIdentity} from the evidence it carries, strongest first: a
 * Hugging Face repo id (declared by the gateway, or the provider's id itself), OpenRouter's
 * canonical slug, the id normalised (case, separators, host prefixes, quantization, developer
 * aliases), a name from the {@link AliasTable}, and last the bare name. A pure function of the
 * listing, its seller and the table: an offer can be resolved on its own against an {@link
 * IdentityIndex}. Thread-safe.
 */
final class IdentityResolver {

  private final AliasTable table;

  public IdentityResolver(AliasTable table) {
    this.table = table;
  }

  /** The identity of {@code listing} as sold by {@code seller} (its offer label). */
  public ModelIdentity identify(Listing listing, String seller) {
    Parsed own = parse(listing, seller);
    String variant = own.variant == null ? "" : ":" + own.variant;
    IdNormaliser.Normalised name = IdNormaliser.normalise(own.name, seller, table);
    String developer = developerOf(own, name);
    List<Named> named = namedSources(listing, new Named(developer, name.key()), seller);
    Set<ModelIdentity.Key> keys = new LinkedHashSet<>();
    addRepoAndSlugKeys(keys, listing, own.repoId, variant);
    for (Named source : named) {
      if (!source.developer().isEmpty()) {
        keys.add(
            key(Evidence.NORMALISED_ID, "id:" + source.developer() + "/" + source.key() + variant));
      }
    }
    aliasKey(seller, own.name, variant).ifPresent(keys::add);
    addNameKeys(keys, named, variant, isAnchored(listing));
    boolean exact = !own.hostStripped && name.quantization() == null && !developer.isEmpty();
    return new ModelIdentity(new ArrayList<>(keys), developer, name.quantization(), exact);
  }

  private static void addRepoAndSlugKeys(
      Set<ModelIdentity.Key> keys, Listing listing, String repoId, String variant) {
    if (listing.huggingFaceId() != null) {
      keys.add(
          key(
              Evidence.HUGGING_FACE_ID,
              "repo:" + AliasTable.lower(listing.huggingFaceId()) + variant));
    }
    if (repoId != null) {
      keys.add(key(Evidence.SAME_ID, "repo:" + AliasTable.lower(repoId) + variant));
    }
    if (listing.canonicalSlug() != null) {
      keys.add(
          key(
              Evidence.CANONICAL_SLUG,
              "slug:" + AliasTable.lower(listing.canonicalSlug()) + variant));
    }
  }

  // A name says whose model it is only for a developer the table knows or a gateway vouches for
  // (OpenRouter's own listings): "kimi/kimi-k2.6" at a router is not a second Kimi K2.6. Names of
  // unknown origin also meet under "anon:", so bare names at several hosts stay one model; they
  // must
  // be specific enough to name a model.
  private void addNameKeys(
      Set<ModelIdentity.Key> keys, List<Named> named, String variant, boolean anchored) {
    List<ModelIdentity.Key> anonymous = new ArrayList<>(named.size());
    for (Named source : named) {
      String name = source.key() + variant;
      boolean credible = anchored || table.isKnownDeveloper(source.developer());
      String developer = credible ? source.developer() : "";
      if (developer.isEmpty() && !isSpecific(name)) {
        continue;
      }
      keys.add(new ModelIdentity.Key(Evidence.MODEL_NAME, "name:" + name, developer));
      if (developer.isEmpty()) {
        anonymous.add(key(Evidence.MODEL_NAME, "anon:" + name));
      }
    }
    keys.addAll(anonymous);
  }

  // "auto", "router": a one-word name without a version says nothing about whose model it is.
  private static boolean isSpecific(String name) {
    return name.indexOf('-') > 0 || name.chars().anyMatch(Character::isDigit);
  }

  private static boolean isAnchored(Listing listing) {
    return listing.huggingFaceId() != null || listing.canonicalSlug() != null;
  }

  private static ModelIdentity.Key key(Evidence evidence, String value) {
    return new ModelIdentity.Key(evidence, value, "");
  }

  /** A developer ("" when unknown) and the normalised name one source gives the model. */
  private record Named(String developer, String key) {}

  // The names this listing is known by: its own id, its canonical slug, its Hugging Face repo.
  private List<Named> namedSources(Listing listing, Named own, String seller) {
    List<Named> sources = new ArrayList<>(3);
    sources.add(own);
    split(listing.canonicalSlug(), seller).ifPresent(sources::add);
    split(listing.huggingFaceId(), seller).ifPresent(sources::add);
    return sources;
  }

  private Optional<Named> split(String devSlashName, String seller) {
    int slash = devSlashName == null ? -1 : devSlashName.indexOf('/');
    if (slash <= 0 || devSlashName.indexOf('/', slash + 1) >= 0) {
      return Optional.empty();
    }
    String developer = table.developer(AliasTable.lower(devSlashName.substring(0, slash)));
    String name = withoutVariant(devSlashName.substring(slash + 1));
    return Optional.of(new Named(developer, IdNormaliser.normalise(name, seller, table).key()));
  }

  private Optional<ModelIdentity.Key> aliasKey(String seller, String name, String variant) {
    String target = table.mappedName(seller, AliasTable.lower(name));
    return split(target, "")
        .map(
            named ->
                key(Evidence.ALIAS_TABLE, "id:" + named.developer() + "/" + named.key() + variant));
  }

  // A re-upload of someone's model in a quantized form says nothing about who made the model.
  private String developerOf(Parsed own, IdNormaliser.Normalised name) {
    if (own.developer == null) {
      return "";
    }
    String developer = table.developer(own.developer);
    return name.quantization() != null && table.isQuantizer(developer) ? "" : developer;
  }

  /** A listing's own id taken apart: developer (or null), name, variant and repo-shaped id. */
  private static final class Parsed {
    String developer;
    String name;
    String variant;
    String repoId;
    boolean hostStripped;
  }

  private Parsed parse(Listing listing, String seller) {
    Parsed parsed = new Parsed();
    String unhosted = table.stripHost(listing.gatewayModelId());
    parsed.hostStripped = unhosted.length() != listing.gatewayModelId().length();
    String raw = withoutSellerNamespace(unhosted, seller);
    parsed.variant = variantOf(raw);
    String bare = withoutVariant(raw);
    String[] segments = bare.split("/", -1);
    parsed.name = segments[segments.length - 1];
    if (segments.length == 2) {
      parsed.developer = developerSegment(segments[0], seller);
      parsed.repoId = bare;
    } else if (segments.length == 1) {
      parsed.developer = prefixDeveloper(listing.id(), raw, seller);
    }
    return parsed;
  }

  // "groq/meta-llama/x" listed by groq: the seller's own namespace says nothing of the model.
  private static String withoutSellerNamespace(String raw, String seller) {
    String prefix = seller + "/";
    return raw.regionMatches(true, 0, prefix, 0, prefix.length())
            && raw.indexOf('/', prefix.length()) > 0
        ? raw.substring(prefix.length())
        : raw;
  }

  private String developerSegment(String segment, String seller) {
    String lower = AliasTable.lower(segment);
    return lower.equals(seller) ? table.firstPartyDeveloper(seller) : lower;
  }

  // A bare name got a prefix from the list (models.dev's provider, an owned_by): a developer only
  // when the table knows it as one, or the seller is the model's maker.
  private String prefixDeveloper(String id, String raw, String seller) {
    int slash = id.indexOf('/');
    if (slash < 0 || !id.substring(slash + 1).equals(raw)) {
      return null;
    }
    String prefix = AliasTable.lower(id.substring(0, slash));
    if (prefix.equals(seller)) {
      return table.firstPartyDeveloper(seller);
    }
    return table.isKnownDeveloper(prefix) ? prefix : null;
  }

  private String variantOf(String raw) {
    int colon = raw.lastIndexOf(':');
    if (colon <= 0) {
      return null;
    }
    String suffix = AliasTable.lower(raw.substring(colon + 1));
    return table.isVariant(suffix) ? suffix : null;
  }

  private String withoutVariant(String raw) {
    return variantOf(raw) == null ? raw : raw.substring(0, raw.lastIndexOf(':'));
  }
}
