package com.gatewayz.modelpages.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@link IncrementalMerge} made of a small change: the whole new model list, the ids the
 * change replaced, the models it re-merged, and when the re-merged and the re-dated models last
 * changed.
 */
record Remerged(
    List<Model> models,
    Set<String> oldIds,
    List<Model> newModels,
    Map<String, Long> lastModified) {}
