package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.ModelId;
import java.util.List;
import java.util.Optional;

/** Turns an admin invalidation request into the tags and paths to purge; bad requests are 400s. */
final class InvalidationTargets {

  static final List<String> TYPES =
      List.of("model-detail", "models", "search", "popular", "gateway", "tag", "path", "all");
  private static final int MAX_NAME = 512;

  record Targets(List<String> tags, List<String> paths, boolean everything) {}

  private InvalidationTargets() {}

  static Targets of(InvalidateRequest request) {
    if (request == null || request.type() == null) {
      throw ApiException.badRequest("type is required; one of " + String.join(", ", TYPES));
    }
    return switch (request.type()) {
      case "model-detail" -> modelDetail(request.modelId());
      case "models" -> tags(CacheTags.LIST);
      case "search" -> tags(CacheTags.SEARCH);
      case "popular" -> tags(CacheTags.POPULAR);
      case "gateway" -> tags(CacheTags.gateway(required("gateway", request.gateway())));
      case "tag" -> tags(required("tag", request.tag()));
      case "path" -> new Targets(List.of(), List.of(path(request.path())), false);
      case "all" -> new Targets(List.of(), List.of(), true);
      default ->
          throw ApiException.badRequest(
              "unknown type '"
                  + QueryParams.shown(request.type())
                  + "'; one of "
                  + String.join(", ", TYPES));
    };
  }

  private static Targets modelDetail(String modelId) {
    String id = required("modelId", modelId);
    Optional<String> problem = ModelId.problem(id);
    if (problem.isPresent()) {
      throw ApiException.badRequest("modelId " + problem.get());
    }
    return new Targets(List.of(CacheTags.model(id)), List.of(ModelId.pagePath(id)), false);
  }

  private static Targets tags(String tag) {
    return new Targets(List.of(tag), List.of(), false);
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required for this type");
    }
    if (value.length() > MAX_NAME || value.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw ApiException.badRequest(
          field + " must be 1 to " + MAX_NAME + " visible characters without spaces");
    }
    return value;
  }

  private static String path(String value) {
    String path = required("path", value);
    if (!path.startsWith("/")) {
      throw ApiException.badRequest("path must start with /");
    }
    return path;
  }
}
