package com.gatewayz.modelpages.platform;

import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The object graph the composition root built, by type: handed to Jersey (bound in HK2) and to
 * servlets and filters through the servlet context. Filled once at start-up, read-only after.
 */
public final class ServiceRegistry {

  private static final String ATTRIBUTE = ServiceRegistry.class.getName();

  private final Map<Class<?>, Object> services = new LinkedHashMap<>();

  public <T> ServiceRegistry register(Class<T> type, T service) {
    services.put(type, type.cast(service));
    return this;
  }

  public <T> T get(Class<T> type) {
    Object service = services.get(type);
    if (service == null) {
      throw new NoSuchElementException("no service of type " + type.getName() + " was registered");
    }
    return type.cast(service);
  }

  public Map<Class<?>, Object> all() {
    return Collections.unmodifiableMap(services);
  }

  public void publish(ServletContext context) {
    context.setAttribute(ATTRIBUTE, this);
  }

  /** The registry published in {@code context}; fails when start-up did not complete. */
  public static ServiceRegistry from(ServletContext context) {
    Object registry = context.getAttribute(ATTRIBUTE);
    if (registry == null) {
      throw new IllegalStateException("model-pages did not start: see the deployment log");
    }
    return (ServiceRegistry) registry;
  }
}
