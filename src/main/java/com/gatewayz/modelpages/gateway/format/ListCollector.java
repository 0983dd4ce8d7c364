package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.ModelId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers one list's models in order, drops duplicate ids (the first is kept) and words one line
 * per skipped entry, keeping the first {@value ParsedList#MAX_SKIPPED_LINES} lines.
 */
final class ListCollector {

  private final List<Listing> models = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private final List<String> skipped = new ArrayList<>();
  private int skippedCount;
  private String source;

  ListCollector(String source) {
    this.source = source;
  }

  /** Names where the next entries come from in skipped lines ("models-dev provider groq"). */
  void source(String newSource) {
    this.source = newSource;
  }

  /** True when {@code id} is a valid model id; else skips the entry with the reason. */
  boolean checkId(String id) {
    if (id == null) {
      skip("an entry", "it has no id");
      return false;
    }
    Optional<String> problem = ModelId.problem(id);
    problem.ifPresent(why -> skip(Ids.quote(id), "id " + why));
    return problem.isEmpty();
  }

  /** Adds a model unless one with the same id came first. */
  void add(Listing model) {
    add(model, model.id());
  }

  /** Adds a model unless one with the same {@code key} came first. */
  void add(Listing model, String key) {
    if (keys.add(key)) {
      models.add(model);
    } else {
      skip(Ids.quote(model.id()), "duplicate id, the first entry is kept");
    }
  }

  void skipEntry(int position, String why) {
    skip("entry " + position, why);
  }

  /** Records "skipped {@code what} from {@code source}: {@code why}". */
  void skip(String what, String why) {
    skippedCount++;
    if (skipped.size() < ParsedList.MAX_SKIPPED_LINES) {
      skipped.add("skipped " + what + " from " + source + ": " + why);
    }
  }

  ParsedList result() {
    return new ParsedList(models, skipped, skippedCount);
  }
}
