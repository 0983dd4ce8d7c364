package com.gatewayz.modelpages.boot;

import jakarta.servlet.ServletContext;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets a thread started in {@code contextInitialized} wait until the server finished starting the
 * web application, before it dispatches to a JSP.
 *
 * <p>Payara starts a web module holding the module's monitor: it runs the listeners, then
 * initialises the load-on-startup servlets (the JSP servlet among them), then closes the
 * application's jars (GLASSFISH-21522). A pre-render thread dispatching in that window either
 * deadlocks with it (it initialises the JSP servlet, which asks for the module's monitor, while the
 * deploying thread holds the monitor and waits for the JSP servlet) or loads a class from a jar
 * being closed, whose static initialiser then fails for good (seen with jsoup's DataUtil: every
 * model page answered 503). {@link ServletContext#getRealPath} takes that same monitor on Payara,
 * so calling it returns once the start is over. On Tomcat it returns at once, and Tomcat needs no
 * wait: its start holds no monitor a dispatch needs and closes no jars. Tomcat has no request
 * dispatcher until the context is mapped, at the end of its start; waiting for one here, bounded,
 * means the pre-render pass (and its timing) starts when the server can render, not while Jersey
 * and the rest still start.
 */
final class ContextStart {

  static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private ContextStart() {}

  static Runnable awaitOf(ServletContext context) {
    return () -> {
      context.getRealPath("/");
      awaitDispatcher(context, MAX_WAIT_NANOS);
    };
  }

  /** Returns once the context gives a request dispatcher, or after {@code maxNanos} regardless. */
  static void awaitDispatcher(ServletContext context, long maxNanos) {
    long deadline = System.nanoTime() + maxNanos;
    while (context.getRequestDispatcher("/") == null && System.nanoTime() - deadline < 0) {
      // The rest of the start takes seconds at most: a short park, no busy loop.
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
