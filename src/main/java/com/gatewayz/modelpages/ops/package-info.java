/**
 * What operators and their tools read: {@code /health/live}, {@code /health/ready} (pre-render
 * readiness) and {@code /metrics} (Prometheus text). Servlets only, mapped in {@code web.xml}; may
 * depend on {@code isr} and {@code platform}, and nothing depends on it.
 */
package com.gatewayz.modelpages.ops;
