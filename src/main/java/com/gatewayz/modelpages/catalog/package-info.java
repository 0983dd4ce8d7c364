/**
 * The model catalog: {@code Model} and its parts (records), the id grammar and slugs, the
 * immutable snapshot swapped atomically, merge rules, the durable store and price formatting.
 * Depends only on {@code platform}.
 */
package com.gatewayz.modelpages.catalog;
