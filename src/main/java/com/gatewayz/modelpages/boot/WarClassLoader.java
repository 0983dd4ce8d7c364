package com.gatewayz.modelpages.boot;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * Defines classes from a folder of the WAR read through the servlet context (packed or unpacked WAR
 * alike), delegating everything else to the web application's class loader first.
 */
final class WarClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final ServletContext context;
  private final String folder;

  WarClassLoader(ServletContext context, String folder) {
    super(context.getClassLoader());
    this.context = context;
    this.folder = folder;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    try (InputStream in = context.getResourceAsStream(folder + name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
