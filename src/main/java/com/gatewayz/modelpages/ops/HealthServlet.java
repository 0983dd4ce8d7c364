package com.gatewayz.modelpages.ops;

import com.gatewayz.modelpages.isr.Prerenderer;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
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

  /** The answer: {@code status}, and while not ready the {@code reason}. */
  @JsonbPropertyOrder({"status", "reason"})
  public record Health(String status, String reason) {}

  /** The answer to an unknown path. */
  public record Error(String error) {}

  private static final Jsonb JSONB = JsonbBuilder.create();
  private transient Prerenderer prerenderer;

  @Override
  public void init() {
    prerenderer = ServiceRegistry.from(getServletContext()).get(Prerenderer.class);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String check = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (check) {
      case "/live" -> write(response, 200, new Health("UP", null));
      case "/ready" -> ready(response);
      default -> write(response, 404, new Error("use /health/live or /health/ready"));
    }
  }

  private void ready(HttpServletResponse response) throws IOException {
    Prerenderer.Readiness readiness = prerenderer.readiness();
    if (readiness.ready()) {
      write(response, 200, new Health("UP", null));
    } else {
      write(response, 503, new Health("DOWN", readiness.reason()));
    }
  }

  private static void write(HttpServletResponse response, int status, Object body)
      throws IOException {
    byte[] bytes = JSONB.toJson(body).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
