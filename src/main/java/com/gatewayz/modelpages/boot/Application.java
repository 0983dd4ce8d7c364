package com.gatewayz.modelpages.boot;

import com.gatewayz.modelpages.api.AdminGuard;
import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.CatalogMerger;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogStore;
import com.gatewayz.modelpages.catalog.CuratedModels;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.isr.CacheSizing;
import com.gatewayz.modelpages.isr.Isr;
import com.gatewayz.modelpages.isr.IsrMetrics;
import com.gatewayz.modelpages.isr.IsrOptions;
import com.gatewayz.modelpages.isr.Prerenderer;
import com.gatewayz.modelpages.pages.CatalogPurger;
import com.gatewayz.modelpages.pages.CuratedPopularity;
import com.gatewayz.modelpages.pages.JspPageRenderer;
import com.gatewayz.modelpages.pages.SiteContext;
import com.gatewayz.modelpages.platform.Metrics;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.platform.Settings;
import io.micrometer.core.instrument.Gauge;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running application: the object graph, built once and closed once, in reverse order of
 * construction. If start-up fails half-way, what was opened is closed again.
 */
final class Application implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Application.class.getName());

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  static Application start(ServletContext context, Settings settings) {
    Application application = new Application();
    try {
      application.build(context, settings);
      return application;
    } catch (RuntimeException e) {
      application.close();
      throw e;
    }
  }

  private void build(ServletContext context, Settings settings) {
    DataDirectory.prepare(settings.dataDir());
    Clock clock = Clock.systemUTC();
    Metrics metrics = open(new Metrics());
    CatalogStore store = new CatalogStore(settings.dataDir());
    List<Model> curated = CuratedModels.load();
    CatalogState initial = store.load().orElseGet(() -> CatalogState.seededFrom(curated));
    CatalogService catalog = new CatalogService(initial, new CatalogMerger(Map.of(), curated), store, clock);
    SiteContext site =
        new SiteContext(context.getContextPath(), settings.publicUrl().toString(), AssetVersion.of(context));
    JspPageRenderer renderer = new JspPageRenderer(context, catalog, site);
    Isr isr = open(Isr.open(options(settings), sizing(settings), renderer, new CuratedPopularity(catalog), clock));
    catalog.addListener(new CatalogPurger(isr));
    IsrMetrics.bind(isr, metrics.registry());
    Gauge.builder("modelpages.catalog.models", catalog, c -> c.current().size())
        .description("Models in the catalog")
        .register(metrics.registry());
    new ServiceRegistry()
        .register(Settings.class, settings)
        .register(Clock.class, clock)
        .register(Metrics.class, metrics)
        .register(CatalogService.class, catalog)
        .register(Isr.class, isr)
        .register(Prerenderer.class, isr.prerenderer())
        .register(JspPageRenderer.class, renderer)
        .register(AdminGuard.class, new AdminGuard(settings.adminToken()))
        .publish(context);
    isr.startPrerender();
  }

  private <T extends AutoCloseable> T open(T resource) {
    resources.push(resource);
    return resource;
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
        settings.ehcacheXml());
  }

  @Override
  public void close() {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "[Startup] closing " + resource.getClass().getSimpleName() + " failed", e);
      }
    }
  }
}
