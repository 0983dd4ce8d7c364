package com.gatewayz.modelpages.api;

/**
 * The body of {@code POST /api/cache/invalidate}: a type and, per type, the one field it needs
 * ({@code modelId}, {@code gateway}, {@code tag} or {@code path}).
 */
public record InvalidateRequest(
    String type, String modelId, String gateway, String tag, String path) {}
