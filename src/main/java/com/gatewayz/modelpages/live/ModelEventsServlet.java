package com.gatewayz.modelpages.live;

import com.gatewayz.modelpages.platform.JsonSupport;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/models/events}: the live model feed as Server-Sent Events, on an asynchronous
 * request (async-supported in web.xml, like every filter on its path). Never behind the ISR filter.
 * Any other method answers 405; a client past a cap answers 503 with {@code Retry-After}. Both
 * close the connection, so a flood of them holds none. Clients are told apart by the connection's
 * address ({@code getRemoteAddr}): behind a proxy, the container's remote-IP valve sets it.
 */
public class ModelEventsServlet extends HttpServlet {

  static final String RETRY_AFTER_SECONDS = "30";

  private transient ModelEventHub hub;

  @Override
  public void init() {
    hub = ServiceRegistry.from(getServletContext()).get(ModelEventHub.class);
  }

  // Every method comes here: HttpServlet would answer HEAD through doGet, opening a feed.
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"GET".equals(request.getMethod())) {
      response.setHeader("Allow", "GET");
      refuse(response, 405, "the live feed answers GET only");
      return;
    }
    String client = request.getRemoteAddr();
    switch (hub.admit(client)) {
      case OFF -> refuseForNow(response, "the live feed is turned off here");
      case FULL ->
          refuseForNow(response, "the live feed has too many subscribers; try again later");
      case CLIENT_FULL -> refuseForNow(response, "too many live feeds open from this address");
      case ADMITTED -> stream(client, request, response);
    }
  }

  private void stream(String client, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/event-stream");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-cache, no-transform");
    response.setHeader("X-Accel-Buffering", "no");
    hub.open(client, request);
  }

  private static void refuseForNow(HttpServletResponse response, String reason) throws IOException {
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    refuse(response, 503, reason);
  }

  private static void refuse(HttpServletResponse response, int status, String reason)
      throws IOException {
    byte[] body =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("error", reason)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Connection", "close");
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
