package com.gatewayz.modelpages.ops;

import com.gatewayz.modelpages.platform.Metrics;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every meter in the Prometheus text format. */
public class MetricsServlet extends HttpServlet {

  private transient Metrics metrics;

  @Override
  public void init() {
    metrics = ServiceRegistry.from(getServletContext()).get(Metrics.class);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
