package com.gatewayz.modelpages.ops;

import com.gatewayz.modelpages.isr.Prerenderer;
import com.gatewayz.modelpages.platform.JsonSupport;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /health/live}: 200 once deployed. {@code /health/ready}: 200 once enough pre-render pages
 * are in the cache ({@link Prerenderer#readiness()}), else 503 with the progress or the failure.
 */
public class HealthServlet extends HttpServlet {

  private transient Prerenderer prerenderer;

  @Override
  public void init() {
    prerenderer = ServiceRegistry.from(getServletContext()).get(Prerenderer.class);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String check = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (check) {
      case "/live" -> write(response, 200, JsonSupport.JSON.createObjectBuilder().add("status", "UP"));
      case "/ready" -> ready(response);
      default -> write(response, 404, JsonSupport.JSON.createObjectBuilder().add("error", "use /health/live or /health/ready"));
    }
  }

  private void ready(HttpServletResponse response) throws IOException {
    Prerenderer.Readiness readiness = prerenderer.readiness();
    if (readiness.ready()) {
      write(response, 200, JsonSupport.JSON.createObjectBuilder().add("status", "UP"));
    } else {
      write(
          response,
          503,
          JsonSupport.JSON.createObjectBuilder().add("status", "DOWN").add("reason", readiness.reason()));
    }
  }

  private static void write(HttpServletResponse response, int status, JsonObjectBuilder body) throws IOException {
    byte[] bytes = body.build().toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
