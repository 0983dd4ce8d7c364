package com.gatewayz.modelpages.pages.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The application's own GET request for rendering a view with no visitor: pre-render, background
 * revalidation, and misses (so a key renders identically whoever asked). It answers what Tomcat and
 * Payara call during an include; everything about a client is empty.
 */
public final class OfflineRequest extends ClientlessRequest {

  private final ServletContext context;
  private final String viewPath;
  private final String requestUri;
  private final Map<String, Object> attributes = new HashMap<>();
  private final String queryString;

  public OfflineRequest(ServletContext context, String viewPath, String sitePath) {
    this(context, viewPath, sitePath, null);
  }

  private OfflineRequest(
      ServletContext context, String viewPath, String sitePath, String queryString) {
    this.context = context;
    this.viewPath = viewPath;
    this.requestUri = context.getContextPath() + sitePath;
    this.queryString = queryString;
  }

  /**
   * A request that asks the container to compile the view and run nothing: the JSP specification's
   * precompilation protocol ({@code jsp_precompile}), honoured by Tomcat's and Payara's JSP
   * servlets.
   */
  static OfflineRequest precompiling(ServletContext context, String viewPath) {
    return new OfflineRequest(context, viewPath, viewPath, PRECOMPILE);
  }

  static final String PRECOMPILE = "jsp_precompile";

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(List.copyOf(attributes.keySet()));
  }

  @Override
  public void setAttribute(String name, Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void removeAttribute(String name) {
    attributes.remove(name);
  }

  @Override
  public ServletContext getServletContext() {
    return context;
  }

  @Override
  public RequestDispatcher getRequestDispatcher(String path) {
    return context.getRequestDispatcher(path);
  }

  @Override
  public String getMethod() {
    return "GET";
  }

  @Override
  public String getContextPath() {
    return context.getContextPath();
  }

  @Override
  public String getServletPath() {
    return viewPath;
  }

  @Override
  public String getPathInfo() {
    return null;
  }

  @Override
  public String getPathTranslated() {
    return null;
  }

  @Override
  public String getRequestURI() {
    return requestUri;
  }

  @Override
  public StringBuffer getRequestURL() {
    return new StringBuffer(requestUri);
  }

  @Override
  public String getQueryString() {
    return queryString;
  }

  @Override
  public DispatcherType getDispatcherType() {
    return DispatcherType.REQUEST;
  }

  @Override
  public Locale getLocale() {
    return Locale.US;
  }

  @Override
  public Enumeration<Locale> getLocales() {
    return Collections.enumeration(List.of(Locale.US));
  }

  @Override
  public String getHeader(String name) {
    return null;
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return Collections.emptyEnumeration();
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    return Collections.emptyEnumeration();
  }

  @Override
  public long getDateHeader(String name) {
    return -1;
  }

  @Override
  public int getIntHeader(String name) {
    return -1;
  }

  @Override
  public String getCharacterEncoding() {
    return "UTF-8";
  }

  @Override
  public void setCharacterEncoding(String encoding) {}

  @Override
  public int getContentLength() {
    return -1;
  }

  @Override
  public long getContentLengthLong() {
    return -1;
  }

  @Override
  public String getContentType() {
    return null;
  }

  @Override
  public ServletInputStream getInputStream() {
    throw new IllegalStateException("an offline render has no request body");
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new StringReader(""));
  }

  @Override
  public String getParameter(String name) {
    return null;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.emptyEnumeration();
  }

  @Override
  public String[] getParameterValues(String name) {
    return null;
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return Map.of();
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public String getScheme() {
    return "http";
  }

  @Override
  public String getServerName() {
    return "localhost";
  }

  @Override
  public int getServerPort() {
    return 80;
  }

  @Override
  public String getRemoteAddr() {
    return "127.0.0.1";
  }

  @Override
  public String getRemoteHost() {
    return "localhost";
  }

  @Override
  public int getRemotePort() {
    return 0;
  }

  @Override
  public String getLocalName() {
    return "localhost";
  }

  @Override
  public String getLocalAddr() {
    return "127.0.0.1";
  }

  @Override
  public int getLocalPort() {
    return 0;
  }

  @Override
  public boolean isSecure() {
    return false;
  }
}
