package com.gatewayz.modelpages.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The models known so far by their identity keys: resolves one offer at a time, so a full merge is
 * a loop over the offers and an incremental merge can keep the index. The first model to claim a
 * key keeps it. A name key claimed by two developers' models is ambiguous and matches nothing
 * (precision first: a duplicate page is better than a false merge). Not thread-safe: one merge owns
 * it.
 *
 * @param <G> the caller's model (group of offers)
 */
final class IdentityIndex<G> {

  /** The model an offer joins, the evidence that joined it and the key that matched. */
  public record Match<G>(G group, Evidence evidence, String key) {}

  private static final class Entry<G> {
    final G group;
    boolean declared;
    String developer;
    boolean ambiguous;

    Entry(G group, String developer) {
      this.group = group;
      this.developer = developer;
    }
  }

  private final Map<String, Entry<G>> entries;

  public IdentityIndex() {
    this(16);
  }

  /** An index sized for about {@code expectedOffers} offers. */
  public IdentityIndex(int expectedOffers) {
    this.entries = new HashMap<>(Math.max(16, expectedOffers * 8));
  }

  /**
   * The model {@code identity} belongs to: the one holding its strongest key that {@code accepts}
   * allows (a seller's two listings are never one model), or empty when it is a model of its own.
   */
  public Optional<Match<G>> find(ModelIdentity identity, Predicate<G> accepts) {
    for (ModelIdentity.Key key : identity.keys()) {
      Entry<G> entry = entries.get(key.value());
      if (entry != null && usable(entry, key) && accepts.test(entry.group)) {
        return Optional.of(new Match<>(entry.group, evidence(entry, key), key.value()));
      }
    }
    return Optional.empty();
  }

  // A name joins only a model of the same developer, or when one side does not say.
  private static boolean usable(Entry<?> entry, ModelIdentity.Key key) {
    if (key.evidence() != Evidence.MODEL_NAME) {
      return true;
    }
    return !entry.ambiguous
        && (key.developer().isEmpty()
            || entry.developer.isEmpty()
            || entry.developer.equals(key.developer()));
  }

  private static Evidence evidence(Entry<?> entry, ModelIdentity.Key key) {
    return key.evidence() == Evidence.SAME_ID && entry.declared
        ? Evidence.HUGGING_FACE_ID
        : key.evidence();
  }

  /** Records that {@code group} holds every key of {@code identity}. */
  public void add(ModelIdentity identity, G group) {
    for (ModelIdentity.Key key : identity.keys()) {
      Entry<G> entry =
          entries.computeIfAbsent(key.value(), v -> new Entry<>(group, key.developer()));
      if (entry.group == group) {
        entry.declared |= key.evidence() == Evidence.HUGGING_FACE_ID;
        if (entry.developer.isEmpty()) {
          entry.developer = key.developer();
        }
      } else if (key.evidence() == Evidence.MODEL_NAME
          && !key.developer().isEmpty()
          && !entry.developer.isEmpty()
          && !key.developer().equals(entry.developer)) {
        entry.ambiguous = true;
      }
    }
  }

  /** How many keys the index holds. */
  public int size() {
    return entries.size();
  }
}
