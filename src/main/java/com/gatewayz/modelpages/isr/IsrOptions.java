package com.gatewayz.modelpages.isr;

/**
 * How the cache behaves.
 *
 * @param revalidateSeconds age after which a page is served STALE and re-rendered in the background
 * @param dynamicParams false: dynamic keys that were not pre-rendered answer 404
 * @param prerenderLimit how many of the most popular keys are pre-rendered at start-up
 * @param prerenderTag the tag every pre-rendered key carries ({@code models:popular})
 * @param renderWaitMillis how long a request waits for another request's render before a 503
 * @param renderDeadlineMillis how long, by the clock, a render may run before a new caller may
 *     replace it with a render of its own
 * @param maxStuckRenders how many replaced renders may still hang before callers stop replacing
 *     stuck renders and answer 503 at once instead of waiting
 */
public record IsrOptions(
    int revalidateSeconds,
    boolean dynamicParams,
    int prerenderLimit,
    String prerenderTag,
    long renderWaitMillis,
    long renderDeadlineMillis,
    int maxStuckRenders) {

  public static final long DEFAULT_RENDER_WAIT_MILLIS = 10_000;
  public static final long DEFAULT_RENDER_DEADLINE_MILLIS = 10_000;
  public static final int DEFAULT_MAX_STUCK_RENDERS = 16;

  /** With the default render deadline and cap on stuck renders. */
  public IsrOptions(
      int revalidateSeconds,
      boolean dynamicParams,
      int prerenderLimit,
      String prerenderTag,
      long renderWaitMillis) {
    this(
        revalidateSeconds,
        dynamicParams,
        prerenderLimit,
        prerenderTag,
        renderWaitMillis,
        DEFAULT_RENDER_DEADLINE_MILLIS,
        DEFAULT_MAX_STUCK_RENDERS);
  }

  public long revalidateMillis() {
    return revalidateSeconds * 1000L;
  }
}
