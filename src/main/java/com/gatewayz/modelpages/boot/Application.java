package com.gatewayz.modelpages.boot;

import com.gatewayz.modelpages.api.AdminGuard;
import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.CatalogMerger;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.CatalogStore;
import com.gatewayz.modelpages.catalog.CuratedModels;
import com.gatewayz.modelpages.isr.CacheSizing;
import com.gatewayz.modelpages.isr.Isr;
import com.gatewayz.modelpages.isr.IsrOptions;
import com.gatewayz.modelpages.isr.Prerenderer;
import com.gatewayz.modelpages.pages.CatalogPurger;
import com.gatewayz.modelpages.pages.CuratedPopularity;
import com.gatewayz.modelpages.pages.JspPageRenderer;
import com.gatewayz.modelpages.pages.SiteContext;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.platform.Settings;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The running application: the object graph, built once and closed once. */
final class Application implements AutoCloseable {

  private final Isr isr;

  private Application(Isr isr) {
    this.isr = isr;
  }

  static Application start(ServletContext context, Settings settings) {
    DataDirectory.prepare(settings.dataDir());
    Clock clock = Clock.systemUTC();
    CatalogStore store = new CatalogStore(settings.dataDir());
    List<Model> curated = CuratedModels.load();
    CatalogState initial = store.load().orElseGet(() -> CatalogState.seededFrom(curated));
    CatalogService catalog = new CatalogService(initial, new CatalogMerger(Map.of(), curated), store, clock);
    SiteContext site =
        new SiteContext(context.getContextPath(), settings.publicUrl().toString(), AssetVersion.of(context));
    JspPageRenderer renderer = new JspPageRenderer(context, catalog, site);
    Isr isr = Isr.open(options(settings), sizing(settings), renderer, new CuratedPopularity(catalog), clock);
    catalog.addListener(new CatalogPurger(isr));
    new ServiceRegistry()
        .register(Settings.class, settings)
        .register(Clock.class, clock)
        .register(CatalogService.class, catalog)
        .register(Isr.class, isr)
        .register(Prerenderer.class, isr.prerenderer())
        .register(JspPageRenderer.class, renderer)
        .register(AdminGuard.class, new AdminGuard(settings.adminToken()))
        .publish(context);
    isr.startPrerender();
    return new Application(isr);
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
    isr.close();
  }
}
