package com.gatewayz.modelpages.gateway;

import java.time.Instant;

/**
 * One gateway as {@code GET /api/gateways} shows it. Immutable.
 *
 * @param lastAttempt when a refresh last tried it (fetched or refused by the open circuit), or null
 * @param lastSuccess when its list was last fetched and applied, or null
 * @param modelCount the models the catalog holds from it now (its last good list)
 * @param lastErrorClass the public class of the last failure ({@code timeout}, {@code http_503},
 *     {@code bad_format}, ...), or null when the last attempt succeeded
 * @param lastError the last failure in one line for operators (it may name hosts, paths and
 *     exception text: admin only), or null when the last attempt succeeded
 * @param circuitState {@code closed}, {@code open} or {@code half_open}
 * @param skippedReason why the last refresh did not try it ("GROQ_API_KEY is not set"), or null
 */
public record GatewayStatus(
    String id,
    String displayName,
    boolean enabled,
    boolean deprecated,
    Instant lastAttempt,
    Instant lastSuccess,
    int modelCount,
    String lastErrorClass,
    String lastError,
    String circuitState,
    String skippedReason) {}
