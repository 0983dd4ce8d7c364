package com.gatewayz.modelpages.isr;

/** Why a cached page was rendered again: it grew old, or a tag or path purge invalidated it. */
enum Revalidation {
  TIME,
  TAG,
  PATH;

  /** The metric label: {@code time}, {@code tag}, {@code path}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
