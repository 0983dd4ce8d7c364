/**
 * The HTTP API: the JAX-RS application at {@code /api}, its resources, their answers as JSON-B
 * records, the exception mappers and the one admin check ({@code AdminFilter}); and the webhook's
 * servlet. May depend on every feature's public types, on {@code admin} and on {@code platform}.
 */
package com.gatewayz.modelpages.api;
