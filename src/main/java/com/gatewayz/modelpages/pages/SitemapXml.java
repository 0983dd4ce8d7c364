package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The sitemap: the index and every model page, absolute URLs from the public URL. */
final class SitemapXml {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private SitemapXml() {}

  static byte[] render(Catalog catalog, SiteContext site) {
    StringBuilder xml = new StringBuilder(128 + catalog.size() * 96);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    url(xml, site.absolute("/models"), null);
    for (Model model : catalog.models()) {
      url(xml, site.absolute(model.pagePath()), model.created());
    }
    xml.append("</urlset>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void url(StringBuilder xml, String location, Long createdSeconds) {
    xml.append("  <url><loc>").append(escape(location)).append("</loc>");
    if (createdSeconds != null && createdSeconds > 0) {
      xml.append("<lastmod>").append(DATE.format(Instant.ofEpochSecond(createdSeconds))).append("</lastmod>");
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
