package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.isr.RenderedPage;
import com.gatewayz.modelpages.pages.view.SiteContext;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The 301 from another id of a model, or a unique slug alias, to its page: the one writer of
 * redirect pages. Tagged with the target model (a change of it may move the redirect) and the list.
 */
final class RedirectPage {

  private static final String TEMPLATE =
      "<!doctype html><meta charset=\"utf-8\"><title>Moved</title><p>Moved to <a href=\"%1$s\">%1$s</a></p>";

  private RedirectPage() {}

  static RenderedPage to(String targetId, SiteContext site) {
    String location = site.link(ModelId.pagePath(targetId));
    byte[] body = TEMPLATE.formatted(SitemapXml.escape(location)).getBytes(StandardCharsets.UTF_8);
    Set<String> tags = Set.of(CacheTags.LIST, CacheTags.model(targetId));
    return new RenderedPage(301, "text/html;charset=UTF-8", body, tags, 0, location);
  }
}
