package com.gatewayz.modelpages.catalog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which models are retired (their pages answer 410): models that left the catalog, kept in
 * retirement order up to {@link #MAX_RETIRED}; a model that came back, or whose id is now an alias
 * of another model (301), is not retired.
 */
final class Retirements {

  /** Retired models kept for their 410 pages; the oldest beyond this are forgotten (then 404). */
  static final int MAX_RETIRED = 10_000;

  private Retirements() {}

  /** After a full merge: the models of {@code before} not among {@code models} join the retired. */
  static Map<String, RetiredModel> after(
      Catalog before, Map<String, RetiredModel> retired, List<Model> models, long now) {
    Set<String> present = membersOf(models);
    Map<String, RetiredModel> next = new LinkedHashMap<>(retired);
    next.keySet().removeAll(present);
    for (Model model : before.models()) {
      if (!present.contains(model.id())) {
        next.put(model.id(), RetiredModel.of(model, now));
      }
    }
    // Insertion order is retirement order: drop the oldest past the bound.
    var oldest = next.keySet().iterator();
    while (next.size() > MAX_RETIRED) {
      oldest.next();
      oldest.remove();
    }
    return next;
  }

  /** After a re-merge (no model leaves): the retired models that came back among {@code models}. */
  static Map<String, RetiredModel> withoutReturned(
      Map<String, RetiredModel> retired, List<Model> models) {
    Set<String> present = membersOf(models);
    if (retired.keySet().stream().noneMatch(present::contains)) {
      return retired;
    }
    Map<String, RetiredModel> next = new LinkedHashMap<>(retired);
    next.keySet().removeAll(present);
    return next;
  }

  /** True when no retired model is among {@code models}. */
  static boolean noneReturned(Map<String, RetiredModel> retired, List<Model> models) {
    return retired.isEmpty() || withoutReturned(retired, models) == retired;
  }

  private static Set<String> membersOf(List<Model> models) {
    Set<String> members = new HashSet<>();
    models.forEach(model -> members.addAll(CanonicalIds.membersOf(model)));
    return members;
  }
}
