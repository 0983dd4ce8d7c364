package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.isr.PageWriter;
import com.gatewayz.modelpages.isr.RenderedPage;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The origin behind the cache: renders the page requests the ISR filter does not keep (free-text
 * search, ill-formed ids), every time, with {@code setStatus} and the body (never {@code
 * sendError}).
 */
public class PagesServlet extends HttpServlet {

  private transient JspPageRenderer renderer;

  @Override
  public void init() {
    renderer = ServiceRegistry.from(getServletContext()).get(JspPageRenderer.class);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    RenderedPage page = renderer.renderUncached(path, request.getQueryString());
    PageWriter.writeUncached(request, response, page, "private, no-cache");
  }
}
