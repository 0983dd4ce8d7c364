package com.gatewayz.modelpages.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the application, typed and validated once at start-up. A bad value throws {@link
 * InvalidSettingException} naming the setting and the value, which stops deployment.
 *
 * @param gatewayUrls the per-gateway URL overrides, looked up by gateway id
 * @param webhookLimits how long a webhook body may take and how many are read at once
 * @param signInLimits the back-off of failed admin sign-ins per client address
 * @param edges the caches in front of the application that purges are forwarded to
 */
public record Settings(
    Path dataDir,
    URI publicUrl,
    int revalidateSeconds,
    int prerenderLimit,
    boolean dynamicParams,
    int refreshSeconds,
    Optional<List<String>> gatewaysEnabled,
    GatewayUrls gatewayUrls,
    Optional<Path> gatewaysFile,
    Optional<String> webhookSecret,
    long webhookMaxBytes,
    WebhookLimits webhookLimits,
    Optional<String> adminToken,
    SignInLimits signInLimits,
    long cacheHeapEntries,
    long cacheOffheapMb,
    long cacheDiskMb,
    Optional<Path> ehcacheXml,
    Optional<URI> clusterUri,
    long clusterCacheMb,
    int clusterTimeoutMillis,
    int clusterDetachMillis,
    int liveMaxSubscribers,
    int liveMaxPerClient,
    int liveTimeoutSeconds,
    EdgeSettings edges,
    int gatewayDropConfirmations,
    Optional<Path> modelAliasesFile) {

  public static final String DATA_DIR = "MODEL_PAGES_DATA_DIR";
  public static final String PUBLIC_URL = "MODEL_PAGES_PUBLIC_URL";
  public static final String REVALIDATE_SECONDS = "MODEL_PAGES_REVALIDATE_SECONDS";
  public static final String PRERENDER_LIMIT = "MODEL_PAGES_PRERENDER_LIMIT";
  public static final String DYNAMIC_PARAMS = "MODEL_PAGES_DYNAMIC_PARAMS";
  public static final String REFRESH_SECONDS = "MODEL_PAGES_REFRESH_SECONDS";
  public static final String GATEWAYS_ENABLED = "MODEL_PAGES_GATEWAYS_ENABLED";
  public static final String GATEWAYS_FILE = "MODEL_PAGES_GATEWAYS_FILE";
  public static final String WEBHOOK_SECRET = "MODEL_WEBHOOK_SECRET";
  public static final String WEBHOOK_MAX_BYTES = "MODEL_PAGES_WEBHOOK_MAX_BYTES";
  public static final String WEBHOOK_READ_TIMEOUT_SECONDS =
      "MODEL_PAGES_WEBHOOK_READ_TIMEOUT_SECONDS";
  public static final String WEBHOOK_MAX_CONCURRENT = "MODEL_PAGES_WEBHOOK_MAX_CONCURRENT";
  public static final String ADMIN_TOKEN = "MODEL_PAGES_ADMIN_TOKEN";
  public static final String ADMIN_MAX_FAILURES = "MODEL_PAGES_ADMIN_MAX_FAILURES";
  public static final String ADMIN_FAILURE_WINDOW_SECONDS =
      "MODEL_PAGES_ADMIN_FAILURE_WINDOW_SECONDS";
  public static final String ADMIN_LOCKOUT_SECONDS = "MODEL_PAGES_ADMIN_LOCKOUT_SECONDS";
  public static final String CACHE_HEAP_ENTRIES = "MODEL_PAGES_CACHE_HEAP_ENTRIES";
  public static final String CACHE_OFFHEAP_MB = "MODEL_PAGES_CACHE_OFFHEAP_MB";
  public static final String CACHE_DISK_MB = "MODEL_PAGES_CACHE_DISK_MB";
  public static final String EHCACHE_XML = "MODEL_PAGES_EHCACHE_XML";
  public static final String CLUSTER_URI = "MODEL_PAGES_CLUSTER_URI";
  public static final String CLUSTER_CACHE_MB = "MODEL_PAGES_CLUSTER_CACHE_MB";
  public static final String CLUSTER_TIMEOUT_MILLIS = "MODEL_PAGES_CLUSTER_TIMEOUT_MILLIS";
  public static final String CLUSTER_DETACH_MILLIS = "MODEL_PAGES_CLUSTER_DETACH_MILLIS";
  public static final String LIVE_MAX_SUBSCRIBERS = "MODEL_PAGES_LIVE_MAX_SUBSCRIBERS";
  public static final String LIVE_MAX_PER_CLIENT = "MODEL_PAGES_LIVE_MAX_PER_CLIENT";
  public static final String LIVE_TIMEOUT_SECONDS = "MODEL_PAGES_LIVE_TIMEOUT_SECONDS";
  public static final String GATEWAY_DROP_CONFIRMATIONS = "MODEL_PAGES_GATEWAY_DROP_CONFIRMATIONS";
  public static final String MODEL_ALIASES_FILE = "MODEL_PAGES_MODEL_ALIASES_FILE";

  public static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";
  public static final int DEFAULT_REVALIDATE_SECONDS = 3600;
  public static final int DEFAULT_PRERENDER_LIMIT = 50;
  public static final int DEFAULT_REFRESH_SECONDS = 900;
  public static final long DEFAULT_WEBHOOK_MAX_BYTES = 4L * 1024 * 1024;
  public static final int DEFAULT_WEBHOOK_READ_TIMEOUT_SECONDS = 30;
  public static final int DEFAULT_WEBHOOK_MAX_CONCURRENT = 4;

  /** The shortest admin token, and the shortest webhook secret (see {@code WebhookSecrets}). */
  public static final int MIN_SECRET_LENGTH = 16;

  public static final int DEFAULT_ADMIN_MAX_FAILURES = 5;
  public static final int DEFAULT_ADMIN_FAILURE_WINDOW_SECONDS = 900;
  public static final int DEFAULT_ADMIN_LOCKOUT_SECONDS = 60;
  public static final long DEFAULT_CACHE_HEAP_ENTRIES = 2000;
  public static final long DEFAULT_CACHE_OFFHEAP_MB = 64;
  public static final long DEFAULT_CACHE_DISK_MB = 1024;
  public static final long DEFAULT_CLUSTER_CACHE_MB = 256;
  public static final int DEFAULT_CLUSTER_TIMEOUT_MILLIS = 500;
  // Several probes in a row (one every sixth of it), far below the server's 150 s client lease.
  public static final int DEFAULT_CLUSTER_DETACH_MILLIS = 3_000;
  // A small share of Tomcat's 8192 connections; one browser opens one feed per tab.
  public static final int DEFAULT_LIVE_MAX_SUBSCRIBERS = 1_000;
  public static final int DEFAULT_LIVE_MAX_PER_CLIENT = 20;
  public static final int DEFAULT_LIVE_TIMEOUT_SECONDS = 300;
  public static final int DEFAULT_GATEWAY_DROP_CONFIRMATIONS = 3;

  /** Reads and validates every setting from {@code source}. */
  public static Settings load(SettingSource source) {
    SettingReader read = new SettingReader(source);
    return new Settings(
        read.path(DATA_DIR).orElse(defaultDataDir()),
        read.httpUrl(PUBLIC_URL).orElse(URI.create(DEFAULT_PUBLIC_URL)),
        read.intInRange(REVALIDATE_SECONDS, 1, 31_536_000, DEFAULT_REVALIDATE_SECONDS),
        read.intInRange(PRERENDER_LIMIT, 0, 1_000_000, DEFAULT_PRERENDER_LIMIT),
        read.bool(DYNAMIC_PARAMS, true),
        read.intInRange(REFRESH_SECONDS, 0, 31_536_000, DEFAULT_REFRESH_SECONDS),
        read.idList(GATEWAYS_ENABLED),
        new GatewayUrls(source),
        read.path(GATEWAYS_FILE),
        source.get(WEBHOOK_SECRET),
        read.longInRange(WEBHOOK_MAX_BYTES, 1024, 1L << 30, DEFAULT_WEBHOOK_MAX_BYTES),
        new WebhookLimits(
            read.intInRange(
                WEBHOOK_READ_TIMEOUT_SECONDS, 1, 3600, DEFAULT_WEBHOOK_READ_TIMEOUT_SECONDS),
            read.intInRange(WEBHOOK_MAX_CONCURRENT, 1, 1000, DEFAULT_WEBHOOK_MAX_CONCURRENT)),
        read.secret(ADMIN_TOKEN, MIN_SECRET_LENGTH),
        new SignInLimits(
            read.intInRange(ADMIN_MAX_FAILURES, 1, 1000, DEFAULT_ADMIN_MAX_FAILURES),
            read.intInRange(
                ADMIN_FAILURE_WINDOW_SECONDS, 1, 86_400, DEFAULT_ADMIN_FAILURE_WINDOW_SECONDS),
            read.intInRange(ADMIN_LOCKOUT_SECONDS, 1, 86_400, DEFAULT_ADMIN_LOCKOUT_SECONDS)),
        read.longInRange(CACHE_HEAP_ENTRIES, 10, 10_000_000, DEFAULT_CACHE_HEAP_ENTRIES),
        read.longInRange(CACHE_OFFHEAP_MB, 0, 1 << 20, DEFAULT_CACHE_OFFHEAP_MB),
        read.longInRange(CACHE_DISK_MB, 0, 1 << 24, DEFAULT_CACHE_DISK_MB),
        read.path(EHCACHE_XML),
        read.clusterUri(CLUSTER_URI),
        read.longInRange(CLUSTER_CACHE_MB, 8, 1 << 20, DEFAULT_CLUSTER_CACHE_MB),
        read.intInRange(CLUSTER_TIMEOUT_MILLIS, 50, 60_000, DEFAULT_CLUSTER_TIMEOUT_MILLIS),
        read.intInRange(CLUSTER_DETACH_MILLIS, 300, 600_000, DEFAULT_CLUSTER_DETACH_MILLIS),
        read.intInRange(LIVE_MAX_SUBSCRIBERS, 0, 100_000, DEFAULT_LIVE_MAX_SUBSCRIBERS),
        read.intInRange(LIVE_MAX_PER_CLIENT, 1, 100_000, DEFAULT_LIVE_MAX_PER_CLIENT),
        read.intInRange(LIVE_TIMEOUT_SECONDS, 1, 86_400, DEFAULT_LIVE_TIMEOUT_SECONDS),
        EdgeSettings.load(source),
        read.intInRange(GATEWAY_DROP_CONFIRMATIONS, 1, 100, DEFAULT_GATEWAY_DROP_CONFIRMATIONS),
        read.path(MODEL_ALIASES_FILE));
  }

  static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".model-pages", "data");
  }

  /**
   * The absolute URL of a site path ({@code /models/x}), from the public URL, never a Host header.
   */
  public String absoluteUrl(String path) {
    String base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  /**
   * Limits on webhook deliveries that passed the header checks.
   *
   * @param readTimeoutSeconds the most a delivery may take from its headers to its answer (408)
   * @param maxConcurrent how many bodies are read or processed at once; more answer 503
   */
  public record WebhookLimits(int readTimeoutSeconds, int maxConcurrent) {}

  /**
   * The back-off of wrong admin tokens per client address.
   *
   * @param maxFailures failures within the window that lock the address out
   * @param windowSeconds how long failures are counted, from the first one
   * @param lockoutSeconds the first lockout; each further one doubles, up to an hour
   */
  public record SignInLimits(int maxFailures, int windowSeconds, int lockoutSeconds) {}

  /** Per-gateway list URL overrides: {@code MODEL_PAGES_GATEWAY_<ID>_URL}. */
  public static final class GatewayUrls {
    private final SettingSource source;

    GatewayUrls(SettingSource source) {
      this.source = source;
    }

    /** The setting name for a gateway id: upper-cased, {@code -} → {@code _}. */
    public static String settingName(String gatewayId) {
      return "MODEL_PAGES_GATEWAY_" + gatewayId.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    public Optional<URI> forGateway(String gatewayId) {
      String name = settingName(gatewayId);
      return source.get(name).map(value -> SettingReader.listUrl(name, value));
    }
  }

  @Override
  public String toString() {
    return "Settings[dataDir="
        + dataDir
        + ", publicUrl="
        + publicUrl
        + ", revalidateSeconds="
        + revalidateSeconds
        + ", prerenderLimit="
        + prerenderLimit
        + ", dynamicParams="
        + dynamicParams
        + ", refreshSeconds="
        + refreshSeconds
        + ", gatewaysEnabled="
        + gatewaysEnabled.map(Object::toString).orElse("registry")
        + ", webhook="
        + (webhookSecret.isPresent() ? "on" : "off")
        + ", admin="
        + (adminToken.isPresent() ? "on" : "off")
        + ", cache="
        + Arrays.asList(cacheHeapEntries + " entries", cacheOffheapMb + " MB", cacheDiskMb + " MB")
        + ", cluster="
        + clusterUri.map(URI::toString).orElse("none")
        + clusterUri
            .map(
                uri ->
                    " (timeout "
                        + clusterTimeoutMillis
                        + " ms, cut off after "
                        + clusterDetachMillis
                        + " ms)")
            .orElse("")
        + ", live="
        + Arrays.asList(
            liveMaxSubscribers + " subscribers",
            liveMaxPerClient + " per client",
            liveTimeoutSeconds + " s")
        + ", edges="
        + edges
        + ", modelAliases="
        + modelAliasesFile.map(Path::toString).orElse("bundled")
        + "]";
  }
}
