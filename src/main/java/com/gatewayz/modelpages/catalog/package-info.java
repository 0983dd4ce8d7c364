/**
 * The model catalog: {@code Model} and its parts (records), the id grammar and slugs, the one set
 * of bounds and text cleaning every listing passes (intake and load alike), the immutable snapshot
 * swapped atomically, merge rules, the durable store (numbered snapshot and journal) and price
 * formatting. Depends only on {@code platform}.
 */
package com.gatewayz.modelpages.catalog;
