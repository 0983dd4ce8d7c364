package com.gatewayz.modelpages.pages.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders a JSP under {@code /WEB-INF/views} into bytes with the application's own request and
 * response: {@code include}, not {@code forward} (a forward of such a request writes nothing on
 * Tomcat). Early in start-up Tomcat has no dispatcher yet: wait for it (bounded).
 */
public final class JspViews {

  private static final String VIEWS = "/WEB-INF/views/";
  private static final long DISPATCHER_WAIT_MILLIS = 60_000;
  private static final Executor NEXT_LOOKUP =
      CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS);

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
    String viewPath = VIEWS + view + ".jsp";
    RequestDispatcher dispatcher = awaitDispatcher(viewPath);
    OfflineRequest request = new OfflineRequest(context, viewPath, sitePath);
    attributes.forEach(request::setAttribute);
    OfflineResponse response = new OfflineResponse();
    dispatcher.include(request, response);
    return response.body();
  }

  /**
   * Has the container compile {@code /WEB-INF/views/<view>.jsp} (and its tag files) without running
   * it.
   */
  public void compile(String view) throws ServletException, IOException {
    String viewPath = VIEWS + view + ".jsp";
    awaitDispatcher(viewPath)
        .include(OfflineRequest.precompiling(context, viewPath), new OfflineResponse());
  }

  /** The names of the views under {@code /WEB-INF/views}, sorted. */
  public List<String> names() {
    Set<String> paths = context.getResourcePaths(VIEWS);
    if (paths == null) {
      return List.of();
    }
    return paths.stream()
        .filter(path -> path.endsWith(".jsp"))
        .map(path -> path.substring(VIEWS.length(), path.length() - ".jsp".length()))
        .sorted()
        .toList();
  }

  // The calling thread waits on a future, bounded; the lookups are scheduled, not slept between.
  private RequestDispatcher awaitDispatcher(String viewPath) throws ServletException {
    RequestDispatcher dispatcher = context.getRequestDispatcher(viewPath);
    if (dispatcher != null) {
      return dispatcher;
    }
    AtomicBoolean gaveUp = new AtomicBoolean();
    try {
      return poll(viewPath, gaveUp).get(DISPATCHER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ServletException("no request dispatcher for " + viewPath);
    } catch (ExecutionException e) {
      throw new ServletException(
          "looking up the request dispatcher for " + viewPath + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("interrupted while waiting for the web application to start", e);
    } finally {
      gaveUp.set(true);
    }
  }

  private CompletableFuture<RequestDispatcher> poll(String viewPath, AtomicBoolean gaveUp) {
    return CompletableFuture.supplyAsync(() -> context.getRequestDispatcher(viewPath), NEXT_LOOKUP)
        .thenCompose(
            found ->
                found != null || gaveUp.get()
                    ? CompletableFuture.completedFuture(found)
                    : poll(viewPath, gaveUp));
  }
}
