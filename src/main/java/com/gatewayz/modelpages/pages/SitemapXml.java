package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.pages.view.SiteContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;

/**
 * The sitemap: the index page and every model page, absolute URLs from the public URL, with the
 * date each model last changed. Past 50,000 URLs (the protocol's limit) {@code /sitemap.xml} is a
 * sitemap index of {@code /sitemaps/<n>.xml} parts.
 */
final class SitemapXml {

  static final int MAX_URLS = 50_000;
  static final String PART_PREFIX = "/sitemaps/";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private SitemapXml() {}

  /** How many parts the catalog needs (the index page counts as one URL). */
  static int partCount(Catalog catalog) {
    return (catalog.size() + 1 + MAX_URLS - 1) / MAX_URLS;
  }

  /** {@code /sitemap.xml}: the whole sitemap, or the index of its parts when it is too big. */
  static byte[] render(Catalog catalog, SiteContext site) {
    int parts = partCount(catalog);
    return parts <= 1 ? renderPart(catalog, site, 1) : renderIndex(parts, site);
  }

  private static byte[] renderIndex(int parts, SiteContext site) {
    StringBuilder xml =
        new StringBuilder(HEADER).append("<sitemapindex xmlns=\"" + NAMESPACE + "\">\n");
    for (int part = 1; part <= parts; part++) {
      xml.append("  <sitemap><loc>")
          .append(escape(site.absolute(PART_PREFIX + part + ".xml")))
          .append("</loc></sitemap>\n");
    }
    return xml.append("</sitemapindex>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Part {@code part} (1-based) of the URL list; the first part starts with the index page. */
  static byte[] renderPart(Catalog catalog, SiteContext site, int part) {
    List<Model> models = catalog.models();
    int first = Math.max(0, (part - 1) * MAX_URLS - 1);
    int last = Math.min(models.size(), part * MAX_URLS - 1);
    StringBuilder xml = new StringBuilder(128 + (last - first) * 110);
    xml.append(HEADER).append("<urlset xmlns=\"" + NAMESPACE + "\">\n");
    if (part == 1) {
      url(xml, site.absolute("/models"), OptionalLong.empty());
    }
    for (Model model : models.subList(Math.min(first, last), last)) {
      url(xml, site.absolute(model.pagePath()), lastModified(catalog, model));
    }
    return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static OptionalLong lastModified(Catalog catalog, Model model) {
    OptionalLong changed = catalog.lastModified(model.id());
    if (changed.isPresent()) {
      return changed;
    }
    return model.created() != null && model.created() > 0
        ? OptionalLong.of(model.created() * 1000)
        : OptionalLong.empty();
  }

  private static void url(StringBuilder xml, String location, OptionalLong lastModifiedMillis) {
    xml.append("  <url><loc>").append(escape(location)).append("</loc>");
    if (lastModifiedMillis.isPresent()) {
      xml.append("<lastmod>")
          .append(DATE.format(Instant.ofEpochMilli(lastModifiedMillis.getAsLong())))
          .append("</lastmod>");
    }
    xml.append("</url>\n");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
