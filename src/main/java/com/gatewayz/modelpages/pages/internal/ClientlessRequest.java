package com.gatewayz.modelpages.pages.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.security.Principal;
import java.util.Collection;
import java.util.List;

/**
 * What a request has only when a client sent it — async processing, a connection, a user, a
 * session, multipart parts, upgrades — answered as absent, so {@link OfflineRequest} keeps to what
 * a render reads.
 */
abstract class ClientlessRequest implements HttpServletRequest {

  @Override
  public AsyncContext startAsync() {
    throw new IllegalStateException("an offline render is synchronous");
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    throw new IllegalStateException("an offline render is synchronous");
  }

  @Override
  public boolean isAsyncStarted() {
    return false;
  }

  @Override
  public boolean isAsyncSupported() {
    return false;
  }

  @Override
  public AsyncContext getAsyncContext() {
    throw new IllegalStateException("an offline render is synchronous");
  }

  @Override
  public String getRequestId() {
    return "offline";
  }

  @Override
  public String getProtocolRequestId() {
    return "";
  }

  @Override
  public ServletConnection getServletConnection() {
    return null;
  }

  @Override
  public String getAuthType() {
    return null;
  }

  @Override
  public Cookie[] getCookies() {
    return null;
  }

  @Override
  public String getRemoteUser() {
    return null;
  }

  @Override
  public boolean isUserInRole(String role) {
    return false;
  }

  @Override
  public Principal getUserPrincipal() {
    return null;
  }

  @Override
  public String getRequestedSessionId() {
    return null;
  }

  @Override
  public HttpSession getSession(boolean create) {
    return null;
  }

  @Override
  public HttpSession getSession() {
    return null;
  }

  @Override
  public String changeSessionId() {
    throw new IllegalStateException("an offline render has no session");
  }

  @Override
  public boolean isRequestedSessionIdValid() {
    return false;
  }

  @Override
  public boolean isRequestedSessionIdFromCookie() {
    return false;
  }

  @Override
  public boolean isRequestedSessionIdFromURL() {
    return false;
  }

  @Override
  public boolean authenticate(HttpServletResponse response) {
    return false;
  }

  @Override
  public void login(String user, String password) {
    throw new IllegalStateException("an offline render cannot log in");
  }

  @Override
  public void logout() {}

  @Override
  public Collection<Part> getParts() {
    return List.of();
  }

  @Override
  public Part getPart(String name) {
    return null;
  }

  @Override
  public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
    throw new IllegalStateException("an offline render cannot upgrade");
  }
}
