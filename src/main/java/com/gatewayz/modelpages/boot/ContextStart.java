package com.gatewayz.modelpages.boot;

import jakarta.servlet.ServletContext;

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
 * wait: its start holds no monitor a dispatch needs and closes no jars.
 */
final class ContextStart {

  private ContextStart() {}

  static Runnable awaitOf(ServletContext context) {
    return () -> context.getRealPath("/");
  }
}
