package com.gatewayz.modelpages.edge;

import java.time.Instant;

/**
 * One edge's delivery state, for {@code /admin} and {@code GET /api/edges}.
 *
 * @param name the public name ({@code varnish-1}, {@code fastly}, {@code cloudflare})
 * @param target where purges go (a Varnish URL, the API with the service or zone id); admin only
 * @param circuit {@code closed}, {@code open} (backing off after repeated failures) or {@code
 *     half_open} (the next trial is due)
 * @param pending purges applied here that the edge has not had yet
 * @param lagSeconds how long the oldest of those has waited (0 when none)
 * @param delivered purges delivered since start-up
 * @param failed purges in failed deliveries since start-up (each try counts)
 * @param nextAttempt when a failed delivery is tried again; null when none failed
 * @param lastError why the last delivery failed; null once one succeeded
 */
public record EdgeStatus(
    String name,
    String kind,
    String target,
    String circuit,
    int pending,
    double lagSeconds,
    long delivered,
    long failed,
    Instant lastAttempt,
    Instant lastSuccess,
    Instant nextAttempt,
    String lastError) {}
