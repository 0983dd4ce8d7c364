package com.gatewayz.modelpages.boot;

import com.gatewayz.modelpages.admin.AdminAudit;
import com.gatewayz.modelpages.admin.AdminGuard;
import com.gatewayz.modelpages.catalog.AliasFold;
import com.gatewayz.modelpages.catalog.AliasTable;
import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.CatalogMerger;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogStore;
import com.gatewayz.modelpages.catalog.CuratedModels;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.edge.EdgeForwarder;
import com.gatewayz.modelpages.gateway.GatewayFetcher;
import com.gatewayz.modelpages.gateway.GatewayMetrics;
import com.gatewayz.modelpages.gateway.GatewayRegistry;
import com.gatewayz.modelpages.gateway.IntervalScheduler;
import com.gatewayz.modelpages.gateway.RefreshJob;
import com.gatewayz.modelpages.gateway.RefreshSchedule;
import com.gatewayz.modelpages.gateway.Schedulers;
import com.gatewayz.modelpages.isr.CacheSizing;
import com.gatewayz.modelpages.isr.Isr;
import com.gatewayz.modelpages.isr.IsrMetrics;
import com.gatewayz.modelpages.isr.IsrOptions;
import com.gatewayz.modelpages.isr.Prerenderer;
import com.gatewayz.modelpages.live.LiveLimits;
import com.gatewayz.modelpages.live.ModelEventHub;
import com.gatewayz.modelpages.pages.CatalogPurger;
import com.gatewayz.modelpages.pages.JspPageRenderer;
import com.gatewayz.modelpages.pages.view.SiteContext;
import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.platform.Metrics;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.platform.SettingSource;
import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.popularity.CuratedPopularity;
import com.gatewayz.modelpages.popularity.ViewCounts;
import com.gatewayz.modelpages.popularity.ViewDecay;
import com.gatewayz.modelpages.webhook.ReplayGuard;
import com.gatewayz.modelpages.webhook.WebhookProcessor;
import com.gatewayz.modelpages.webhook.WebhookVerifier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running application: the object graph, built once and closed once, in reverse order of
 * construction. If start-up fails half-way, what was opened is closed again.
 */
final class Application implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Application.class.getName());

  /** The first refresh runs soon after start-up, not one whole interval later. */
  static final long FIRST_REFRESH_DELAY_MILLIS = 5_000;

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private Isr isr;
  private boolean closed;

  // The JVM waits for shutdown hooks, not always for the server's own shutdown (Payara Micro on
  // SIGTERM, embedded Tomcat): without this, a stop could leave the disk tier unclean (wiped).
  private final Thread shutdownHook = new Thread(this::close, "model-pages-shutdown");

  /**
   * @param source where the settings came from: also the lookup of the gateways' API-key variables
   */
  static Application start(ServletContext context, Settings settings, SettingSource source) {
    Application application = new Application();
    try {
      application.build(context, settings, source);
      Runtime.getRuntime().addShutdownHook(application.shutdownHook);
      return application;
    } catch (RuntimeException e) {
      application.close();
      throw e;
    }
  }

  private void build(ServletContext context, Settings settings, SettingSource source) {
    DataDirectory.prepare(settings.dataDir());
    Clock clock = Clock.systemUTC();
    Metrics metrics = open(new Metrics());
    CatalogStore store = open(new CatalogStore(settings.dataDir()));
    List<Model> curated = CuratedModels.load();
    GatewayRegistry gateways = GatewayRegistry.load(settings);
    long loading = System.nanoTime();
    AliasFold.Folded stored =
        AliasFold.fold(store.load().orElseGet(() -> CatalogState.seededFrom(curated)), gateways);
    CatalogState initial = stored.state();
    long merging = System.nanoTime();
    CatalogService catalog =
        new CatalogService(
            initial,
            new CatalogMerger(
                gateways.priorities(), curated, AliasTable.load(settings.modelAliasesFile())),
            store,
            clock);
    long merged = System.nanoTime();
    // A long start at 100,000 models is mostly these two: say which.
    LOG.info(
        () ->
            "[Catalog] "
                + catalog.current().size()
                + " models: stored catalog read in "
                + (merging - loading) / 1_000_000
                + " ms, merged in "
                + (merged - merging) / 1_000_000
                + " ms");
    SiteContext site =
        new SiteContext(
            context.getContextPath(), settings.publicUrl().toString(), AssetVersion.of(context));
    JspPageRenderer renderer = new JspPageRenderer(context, catalog, site);
    CacheSizing sizing = sizing(settings);
    ViewCounts views = ViewCounts.forCache(sizing);
    open(ViewDecay.start(views, clock));
    isr =
        open(
            Isr.open(
                options(settings), sizing, renderer, new CuratedPopularity(catalog, views), clock));
    catalog.addListener(new CatalogPurger(isr));
    purgeFolded(stored.aliases());
    if (isr.shared().isShared()) {
      catalog.joinReplica(new SharedCatalogReplica(isr.shared()));
      open(CatalogFollower.start(catalog));
    }
    AuditLog audit = new AuditLog(clock);
    isr.addPurgeListener(AdminAudit.purges(audit));
    EdgeForwarder edges =
        open(EdgeForwarder.open(settings.edges(), settings.dataDir(), clock, metrics.registry()));
    isr.addPurgeListener(edges);
    ModelEventHub events = open(new ModelEventHub(clock, LiveLimits.from(settings)));
    catalog.addListener(events);
    IsrMetrics.bind(isr, metrics.registry());
    GatewayFetcher fetcher = open(new GatewayFetcher(source::lookup, clock));
    RefreshJob refresh =
        open(
            new RefreshJob(gateways, fetcher, catalog, clock, settings.gatewayDropConfirmations()));
    boolean refreshOn = settings.refreshSeconds() > 0;
    IntervalScheduler scheduler =
        refreshOn || settings.prerenderLimit() > 0 ? Schedulers.forThisServer() : null;
    if (scheduler != null) {
      open(scheduler::cancel);
    }
    RefreshSchedule schedule =
        new RefreshSchedule(
            RefreshSchedule.kindOf(refreshOn ? scheduler : null), settings.refreshSeconds());
    refresh.addListener(schedule);
    refresh.addListener(new GatewayMetrics(metrics.registry()));
    refresh.addListener(AdminAudit.refreshes(audit));
    Gauge.builder("modelpages.catalog.models", catalog, c -> c.current().size())
        .description("Models in the catalog")
        .register(metrics.registry());
    new ServiceRegistry()
        .register(Settings.class, settings)
        .register(Clock.class, clock)
        .register(Metrics.class, metrics)
        .register(CatalogService.class, catalog)
        .register(Isr.class, isr)
        .register(ViewCounts.class, views)
        .register(Prerenderer.class, isr.prerenderer())
        .register(ModelEventHub.class, events)
        .register(JspPageRenderer.class, renderer)
        .register(
            AdminGuard.class,
            new AdminGuard(settings.adminToken(), settings.signInLimits(), clock, audit))
        .register(AuditLog.class, audit)
        .register(SiteContext.class, site)
        .register(RefreshJob.class, refresh)
        .register(RefreshSchedule.class, schedule)
        .register(EdgeForwarder.class, edges)
        .register(MeterRegistry.class, metrics.registry())
        .register(WebhookProcessor.class, webhooks(settings, catalog, gateways, isr, clock))
        .publish(context);
    edges.start();
    isr.startPrerender(ContextStart.awaitOf(context));
    if (refreshOn) {
      scheduler.schedule(
          "refresh",
          FIRST_REFRESH_DELAY_MILLIS,
          settings.refreshSeconds() * 1000L,
          refresh::runOnce);
    }
    if (settings.prerenderLimit() > 0) {
      long interval = isr.popularRefreshIntervalMillis();
      scheduler.schedule("popular-refresh", interval, interval, isr::refreshPopularBeforeExpiry);
    }
  }

  private <T extends AutoCloseable> T open(T resource) {
    resources.push(resource);
    return resource;
  }

  // Pages kept from before showed the alias as a gateway of its own.
  private void purgeFolded(Map<String, String> aliases) {
    if (!aliases.isEmpty()) {
      List<String> tags = new ArrayList<>(List.of(CacheTags.LIST));
      aliases.forEach(
          (alias, id) -> tags.addAll(List.of(CacheTags.gateway(alias), CacheTags.gateway(id))));
      isr.purge(tags, List.of());
    }
  }

  private static WebhookProcessor webhooks(
      Settings settings, CatalogService catalog, GatewayRegistry gateways, Isr isr, Clock clock) {
    Optional<WebhookVerifier> verifier =
        WebhookVerifier.fromSetting(settings.webhookSecret().orElse(null), clock);
    if (verifier.isEmpty()) {
      LOG.info("[Webhook] MODEL_WEBHOOK_SECRET is not set: the webhook answers 503 until it is");
    }
    return new WebhookProcessor(
        verifier, new ReplayGuard(clock), catalog, gateways, isr::purge, settings.dataDir(), clock);
  }

  private static IsrOptions options(Settings settings) {
    return new IsrOptions(
        settings.revalidateSeconds(),
        settings.dynamicParams(),
        settings.prerenderLimit(),
        CacheTags.POPULAR,
        IsrOptions.DEFAULT_RENDER_WAIT_MILLIS);
  }

  private static CacheSizing sizing(Settings settings) {
    return new CacheSizing(
        settings.dataDir(),
        settings.cacheHeapEntries(),
        settings.cacheOffheapMb(),
        settings.cacheDiskMb(),
        settings.ehcacheXml(),
        settings.clusterUri().map(uri -> cluster(uri, settings)));
  }

  private static CacheSizing.Cluster cluster(URI uri, Settings settings) {
    return new CacheSizing.Cluster(
        uri,
        settings.clusterCacheMb(),
        Duration.ofMillis(settings.clusterTimeoutMillis()),
        Duration.ofMillis(settings.clusterDetachMillis()));
  }

  /**
   * Closes everything once: the cache first (its disk tier must be marked clean), then the rest.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    removeShutdownHook();
    if (isr != null) {
      resources.remove(isr);
      closeQuietly(isr);
    }
    while (!resources.isEmpty()) {
      closeQuietly(resources.pop());
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is what runs this
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception | LinkageError e) {
      LOG.log(
          Level.WARNING, "[Startup] closing " + resource.getClass().getSimpleName() + " failed", e);
    }
  }
}
