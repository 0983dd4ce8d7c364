package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The JAX-RS application at {@code /api}: the one place where resources, providers and properties
 * are registered. The object graph comes from the composition root through an HK2 binder.
 */
@ApplicationPath("/api")
public class ModelPagesApplication extends ResourceConfig {

  public ModelPagesApplication(@Context ServletContext context) {
    register(ModelsResource.class);
    register(CacheResource.class);
    register(GatewaysResource.class);
    register(EdgesResource.class);
    register(AdminFilter.class);
    register(new ErrorMappers.WebApplication());
    register(new ErrorMappers.Processing());
    register(new ErrorMappers.Jsonb());
    register(new ErrorMappers.JsonP());
    register(new ErrorMappers.CatalogUnavailable());
    register(new ErrorMappers.PurgeFailed());
    register(new ErrorMappers.Unexpected());
    register(new ServicesBinder(ServiceRegistry.from(context)));
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    property(ServerProperties.BV_FEATURE_DISABLE, true);
  }

  /** Binds every service of the registry under its registered type. */
  static final class ServicesBinder extends AbstractBinder {
    private final ServiceRegistry registry;

    ServicesBinder(ServiceRegistry registry) {
      this.registry = registry;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected void configure() {
      for (Map.Entry<Class<?>, Object> service : registry.all().entrySet()) {
        bind(service.getValue()).to((Class) service.getKey());
      }
    }
  }
}
