package com.gatewayz.modelpages.admin;

import com.gatewayz.modelpages.edge.EdgeForwarder;
import com.gatewayz.modelpages.gateway.RefreshJob;
import com.gatewayz.modelpages.isr.Isr;
import com.gatewayz.modelpages.pages.view.SiteContext;
import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.platform.Settings;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/**
 * The admin page, a live page outside the cache and never cacheable. {@code GET /admin} shows the
 * cache, the gateways and the audit log to the holder of the admin token (bearer header) or of a
 * sign-in cookie, else the sign-in form. {@code POST /admin/login} and {@code /admin/logout} sign
 * in and out; {@code POST /admin/purge-model}, {@code /purge-tag} and {@code /refresh} act and
 * redirect (303) back to {@code /admin} with a flash code. POSTs from another origin are refused
 * (403), and so are cookie-authenticated POSTs without the page's CSRF token. Wrong tokens (form or
 * bearer header) back off per client address: 429 with {@code Retry-After} and the sign-in form
 * (see {@link AdminGuard}). The cookie is {@code Secure} over HTTPS and whenever the public URL is
 * {@code https:}. With no admin token configured every admin path answers 503.
 */
public class AdminServlet extends HttpServlet {

  private transient AdminSession session;
  private transient AdminGuard guard;
  private transient AdminActions actions;
  private transient Isr isr;
  private transient RefreshJob refresh;
  private transient EdgeForwarder edges;
  private transient AuditLog audit;
  private transient SiteContext site;
  private transient URI publicUrl;

  @Override
  public void init() {
    ServiceRegistry services = ServiceRegistry.from(getServletContext());
    Settings settings = services.get(Settings.class);
    Clock clock = services.get(Clock.class);
    session = settings.adminToken().map(token -> new AdminSession(token, clock)).orElse(null);
    guard = services.get(AdminGuard.class);
    isr = services.get(Isr.class);
    refresh = services.get(RefreshJob.class);
    edges = services.get(EdgeForwarder.class);
    actions = new AdminActions(isr, refresh);
    audit = services.get(AuditLog.class);
    site = services.get(SiteContext.class);
    publicUrl = settings.publicUrl();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-store");
    if (session == null) {
      message(
          request,
          response,
          503,
          "Admin is off",
          "Set MODEL_PAGES_ADMIN_TOKEN (16 or more characters) and restart to enable the admin"
              + " page.");
      return;
    }
    super.service(request, response);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = request.getPathInfo();
    if (path != null && !path.equals("/")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    AdminAccess access = AdminAccess.of(request, guard, session);
    if (access.isAllowed()) {
      dashboard(request, response, access);
    } else if (access == AdminAccess.THROTTLED) {
      throttled(request, response);
    } else {
      login(request, response, access == AdminAccess.WRONG_BEARER ? 401 : 200);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!AdminAccess.isSameOrigin(request, publicUrl)) {
      refused(request, response);
    } else if (path.equals("/login")) {
      signIn(request, response);
    } else if (path.equals("/logout")) {
      response.addHeader(
          "Set-Cookie", AdminSession.clearCookie(request.getContextPath(), isSecure(request)));
      redirect(request, response, AdminFlash.SIGNED_OUT);
    } else {
      act(request, response, path);
    }
  }

  private void signIn(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String token = request.getParameter("token");
    switch (guard.judge(token, request.getRemoteAddr(), "sign-in form")) {
      case THROTTLED -> throttled(request, response);
      case DENIED -> login(request, response, 401);
      case ALLOWED -> {
        String value = session.issue();
        response.addHeader(
            "Set-Cookie", session.setCookie(value, request.getContextPath(), isSecure(request)));
        redirect(request, response, AdminFlash.SIGNED_IN);
      }
    }
  }

  // Behind a proxy that terminates TLS the request here is plain HTTP; the public URL says https.
  private boolean isSecure(HttpServletRequest request) {
    return request.isSecure() || "https".equalsIgnoreCase(publicUrl.getScheme());
  }

  private void act(HttpServletRequest request, HttpServletResponse response, String path)
      throws ServletException, IOException {
    AdminAccess access = AdminAccess.of(request, guard, session);
    if (access == AdminAccess.THROTTLED) {
      throttled(request, response);
      return;
    }
    if (!access.isAllowed()) {
      login(request, response, 401);
      return;
    }
    String cookie = AdminAccess.sessionCookie(request);
    if (access == AdminAccess.SESSION
        && !session.isCsrfToken(cookie, request.getParameter("csrf"))) {
      refused(request, response);
      return;
    }
    AdminFlash flash = actions.run(path, request::getParameter);
    if (flash == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } else {
      redirect(request, response, flash);
    }
  }

  private void dashboard(
      HttpServletRequest request, HttpServletResponse response, AdminAccess access)
      throws ServletException, IOException {
    String csrf =
        access == AdminAccess.SESSION
            ? session.csrfToken(AdminAccess.sessionCookie(request))
            : null;
    AdminFlash flash =
        AdminFlash.fromQuery(request.getParameter("done"), request.getParameter("error"));
    request.setAttribute(
        "view", new AdminView(isr, refresh.statuses(), edges.statuses(), audit, flash, csrf));
    render(request, response, 200, "admin");
  }

  private void login(HttpServletRequest request, HttpServletResponse response, int status)
      throws ServletException, IOException {
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"model-pages admin\"");
    }
    request.setAttribute("failed", status == 401);
    AdminFlash flash = AdminFlash.fromQuery(request.getParameter("done"), null);
    request.setAttribute("flash", flash == AdminFlash.SIGNED_OUT ? flash : null);
    render(request, response, status, "admin-login");
  }

  private void throttled(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    long seconds = guard.retryAfterSeconds(request.getRemoteAddr());
    response.setHeader("Retry-After", Long.toString(seconds));
    request.setAttribute("retryAfter", seconds);
    render(request, response, 429, "admin-login");
  }

  private void refused(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    message(
        request,
        response,
        403,
        "Request refused",
        "The form was not sent from this admin page or is out of date. Reload the admin page and"
            + " try again.");
  }

  private void message(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String heading,
      String text)
      throws ServletException, IOException {
    request.setAttribute("status", status);
    request.setAttribute("heading", heading);
    request.setAttribute("message", text);
    render(request, response, status, "admin-message");
  }

  private void render(
      HttpServletRequest request, HttpServletResponse response, int status, String view)
      throws ServletException, IOException {
    request.setAttribute("site", site);
    response.setStatus(status);
    request.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(request, response);
  }

  private static void redirect(
      HttpServletRequest request, HttpServletResponse response, AdminFlash flash) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/admin?" + flash.query());
  }
}
