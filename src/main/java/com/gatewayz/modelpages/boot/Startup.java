package com.gatewayz.modelpages.boot;

import com.gatewayz.modelpages.platform.SettingSource;
import com.gatewayz.modelpages.platform.Settings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts and stops the application with its web context (declared in web.xml). A bad setting or an
 * unusable data directory stops deployment with a message that names it.
 */
public final class Startup implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  /**
   * A servlet context attribute holding a {@link SettingSource} that replaces the default one
   * (environment, system properties, context parameters). Only code that embeds the application can
   * set it, before the context starts: tests use it so the shell's environment never reaches them.
   */
  public static final String SETTING_SOURCE_ATTRIBUTE = SettingSource.class.getName();

  private Application application;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    try {
      SettingSource source = settingSource(context);
      Settings settings = Settings.load(source);
      LOG.info("[Startup] model-pages starting with " + settings);
      PrecompiledViews.register(context);
      application = Application.start(context, settings, source);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "[Startup] model-pages cannot start: " + e.getMessage(), e);
      throw e;
    }
  }

  private static SettingSource settingSource(ServletContext context) {
    Object given = context.getAttribute(SETTING_SOURCE_ATTRIBUTE);
    return given instanceof SettingSource source
        ? source
        : SettingSource.of(context::getInitParameter);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (application != null) {
      application.close();
      LOG.info("[Startup] model-pages stopped; cache closed cleanly");
    }
  }
}
