package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.gateway.FetchResult.Failed;
import com.gatewayz.modelpages.gateway.FetchResult.Fetched;
import com.gatewayz.modelpages.gateway.FetchResult.Skipped;
import com.gatewayz.modelpages.gateway.format.ParsedList;
import com.gatewayz.modelpages.platform.DaemonThreads;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Fetches and parses one gateway's model list with the JDK {@link HttpClient} ({@code https:},
 * {@code http:}) or from a {@code file:} URL: request timeout by priority, bodies bounded at
 * {@value #MAX_BODY_BYTES} bytes while they stream, redirects only within the gateway's own host
 * ({@link Redirects}), a bearer token from the gateway's API-key variable, retries with jittered
 * back-off and one circuit breaker per gateway. {@link #fetch} never throws: failures come back as
 * {@link FetchResult.Failed}. Thread-safe; call {@link #close()} when done.
 */
public final class GatewayFetcher implements AutoCloseable {

  /** No list response is read past this many bytes (32 MiB). */
  public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

  private final Function<String, String> environment;
  private final Clock clock;
  private final FetchPolicy policy;
  private final ScheduledThreadPoolExecutor watchdog;
  private final ListDownload download;
  private final RetryRegistry retries;
  private final CircuitBreakerRegistry breakers;

  /**
   * @param environment API-key variable name → value, or null when unset (the application passes
   *     its setting source: environment, then system property, then context parameter)
   * @param clock fetch times and the circuit breakers' open-state wait
   */
  public GatewayFetcher(Function<String, String> environment, Clock clock) {
    this(environment, clock, FetchPolicy.defaults());
  }

  GatewayFetcher(Function<String, String> environment, Clock clock, FetchPolicy policy) {
    this.environment = environment;
    this.clock = clock;
    this.policy = policy;
    this.watchdog = watchdog();
    this.download = new ListDownload(httpClient(policy), watchdog, policy, Redirects.usingDns());
    this.retries = Resilience.retries(policy);
    this.breakers = Resilience.breakers(policy, clock);
  }

  private static HttpClient httpClient(FetchPolicy policy) {
    Duration connect =
        policy.timeoutOverride() != null
            ? policy.timeoutOverride()
            : Gateway.Priority.SLOW.timeout();
    return HttpClient.newBuilder()
        .connectTimeout(connect)
        .followRedirects(HttpClient.Redirect.NEVER) // ListDownload follows what Redirects allows
        .build();
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named("model-pages-gateway-deadline"));
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(10, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Fetches {@code gateway}'s list now, or says why not. Blocks for at most the retries' time. */
  public FetchResult fetch(Gateway gateway) {
    String apiKey = gateway.needsKey() ? environment.apply(gateway.apiKeyEnv()) : null;
    if (gateway.needsKey() && (apiKey == null || apiKey.isBlank())) {
      return new Skipped(gateway, gateway.apiKeyEnv() + " is not set");
    }
    long fetchedAt = clock.millis();
    long start = System.nanoTime();
    AtomicInteger attempts = new AtomicInteger();
    CheckedSupplier<ParsedList> attempt =
        () -> {
          attempts.incrementAndGet();
          return download.fetch(gateway, apiKey == null ? null : apiKey.trim());
        };
    try {
      ParsedList list = guarded(gateway, attempt).get();
      return new Fetched(gateway, list, fetchedAt, attempts.get(), millisSince(start));
    } catch (Throwable e) {
      return failed(gateway, e, attempts.get(), millisSince(start));
    }
  }

  private CheckedSupplier<ParsedList> guarded(
      Gateway gateway, CheckedSupplier<ParsedList> attempt) {
    Retry retry = retries.retry(gateway.id());
    return CircuitBreaker.decorateCheckedSupplier(
        breaker(gateway.id()), Retry.decorateCheckedSupplier(retry, attempt));
  }

  private Failed failed(Gateway gateway, Throwable e, int attempts, long millis) {
    if (e instanceof Error error) {
      throw error;
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    if (e instanceof CallNotPermittedException) {
      return new Failed(
          gateway, Failures.CIRCUIT_OPEN, "circuit open, not called", 0, millis, true);
    }
    String detail = Failures.describe(e, policy.timeout(gateway));
    return new Failed(gateway, Failures.classify(e), detail, attempts, millis, false);
  }

  /** {@code closed}, {@code open} or {@code half_open}: the state of the gateway's circuit. */
  public String circuitState(String gatewayId) {
    return breaker(gatewayId).getState().name().toLowerCase(Locale.ROOT);
  }

  private CircuitBreaker breaker(String gatewayId) {
    return breakers.circuitBreaker(gatewayId);
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Stops the body-deadline thread; fetches in flight lose their stall guard. */
  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
