/**
 * Owns the signed webhook {@code POST /api/webhooks/models-updated}: signature schemes, replay
 * guard, event handling, with {@link com.gatewayz.modelpages.webhook.WebhookProcessor} as the entry
 * point. Signature headers are judged before the body is read, the MAC is computed over the raw
 * body bytes as they arrive and checked before anything is parsed, and rejection reasons stay in
 * the server log. May depend on catalog, isr and platform.
 */
package com.gatewayz.modelpages.webhook;
