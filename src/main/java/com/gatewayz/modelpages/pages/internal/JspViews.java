package com.gatewayz.modelpages.pages.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Map;

/**
 * Renders a JSP under {@code /WEB-INF/views} into bytes with the application's own request and
 * response: {@code include}, not {@code forward} (a forward of such a request writes nothing on
 * Tomcat). Early in start-up Tomcat has no dispatcher yet: wait for it.
 */
public final class JspViews {

  private static final long DISPATCHER_WAIT_MILLIS = 60_000;
  private static final long DISPATCHER_POLL_MILLIS = 100;

  private final ServletContext context;

  public JspViews(ServletContext context) {
    this.context = context;
  }

  /**
   * Includes {@code /WEB-INF/views/<view>.jsp} with {@code attributes} and returns what it wrote.
   *
   * @param sitePath the page's path within the site, reported as the request URI
   */
  public byte[] render(String view, String sitePath, Map<String, Object> attributes)
      throws ServletException, IOException {
    String viewPath = "/WEB-INF/views/" + view + ".jsp";
    RequestDispatcher dispatcher = awaitDispatcher(viewPath);
    OfflineRequest request = new OfflineRequest(context, viewPath, sitePath);
    attributes.forEach(request::setAttribute);
    OfflineResponse response = new OfflineResponse();
    dispatcher.include(request, response);
    return response.body();
  }

  private RequestDispatcher awaitDispatcher(String viewPath) throws ServletException {
    long deadline = System.currentTimeMillis() + DISPATCHER_WAIT_MILLIS;
    while (true) {
      RequestDispatcher dispatcher = context.getRequestDispatcher(viewPath);
      if (dispatcher != null) {
        return dispatcher;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new ServletException("no request dispatcher for " + viewPath);
      }
      try {
        Thread.sleep(DISPATCHER_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServletException("interrupted while waiting for the web application to start", e);
      }
    }
  }
}
