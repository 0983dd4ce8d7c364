package com.gatewayz.modelpages.isr;

/**
 * How the cache behaves.
 *
 * @param revalidateSeconds age after which a page is served STALE and re-rendered in the background
 * @param dynamicParams false: dynamic keys that were not pre-rendered answer 404
 * @param prerenderLimit how many of the most popular keys are pre-rendered at start-up
 * @param prerenderTag the tag every pre-rendered key carries ({@code models:popular})
 * @param renderWaitMillis how long a request waits for another request's render before a 503
 */
public record IsrOptions(
    int revalidateSeconds,
    boolean dynamicParams,
    int prerenderLimit,
    String prerenderTag,
    long renderWaitMillis) {

  public static final long DEFAULT_RENDER_WAIT_MILLIS = 10_000;

  public long revalidateMillis() {
    return revalidateSeconds * 1000L;
  }
}
