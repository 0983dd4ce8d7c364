package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.platform.Settings;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The site root sends visitors to the model index; {@code /robots.txt} points at the sitemap. */
public class SiteRootServlet extends HttpServlet {

  private transient Settings settings;

  @Override
  public void init() {
    settings = ServiceRegistry.from(getServletContext()).get(Settings.class);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if ("/robots.txt".equals(request.getServletPath())) {
      byte[] body =
          ("User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: "
                  + settings.absoluteUrl("/sitemap.xml")
                  + "\n")
              .getBytes(StandardCharsets.UTF_8);
      response.setContentType("text/plain;charset=UTF-8");
      response.setHeader("Cache-Control", "public, max-age=3600");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
    response.setHeader("Location", request.getContextPath() + "/models");
  }
}
