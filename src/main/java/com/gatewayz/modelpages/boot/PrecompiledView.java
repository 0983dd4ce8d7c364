package com.gatewayz.modelpages.boot;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * A view servlet JspC generated, answering the JSP precompilation protocol as the container's JSP
 * servlet does (compile, run nothing): the view warm-up asks for it, and running the view there
 * would render a page without its request attributes.
 */
final class PrecompiledView implements Servlet {

  private static final String PRECOMPILE = "jsp_precompile";
  private final Servlet compiled;

  PrecompiledView(Servlet compiled) {
    this.compiled = compiled;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    compiled.init(config);
  }

  @Override
  public void service(ServletRequest request, ServletResponse response)
      throws ServletException, IOException {
    if (!precompiling(request)) {
      compiled.service(request, response);
    }
  }

  static boolean precompiling(ServletRequest request) {
    Object included = request.getAttribute(RequestDispatcher.INCLUDE_QUERY_STRING);
    String query =
        included instanceof String s
            ? s
            : request instanceof HttpServletRequest http ? http.getQueryString() : null;
    return query != null && query.startsWith(PRECOMPILE);
  }

  @Override
  public ServletConfig getServletConfig() {
    return compiled.getServletConfig();
  }

  @Override
  public String getServletInfo() {
    return compiled.getServletInfo();
  }

  @Override
  public void destroy() {
    compiled.destroy();
  }
}
