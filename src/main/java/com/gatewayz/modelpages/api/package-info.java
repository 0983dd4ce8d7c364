/**
 * The HTTP API: the JAX-RS application, its resources, JSON-B DTOs and exception mappers, plus the
 * health servlet. May depend on every feature's public types and on {@code platform}.
 */
package com.gatewayz.modelpages.api;
