package com.gatewayz.modelpages.boot;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Maps the JSP views the build precompiled with Tomcat's JspC ({@code WEB-INF/jspc}) onto their
 * paths, so that the first render of a fresh deploy runs compiled classes instead of waiting
 * seconds for Jasper. Only on the Tomcat version they were compiled for: generated servlets call
 * Jasper's runtime, which Payara (WaSP) does not have and another Tomcat may have changed. Anywhere
 * else, or when the build left nothing there, nothing is mapped and the container compiles the
 * views on first use as before. The classes stay off the web application's class path (a loader of
 * their own reads them from the WAR), so no other server ever sees them.
 */
final class PrecompiledViews {

  private static final Logger LOG = Logger.getLogger(PrecompiledViews.class.getName());
  static final String ROOT = "/WEB-INF/jspc/";
  static final String MAPPINGS = ROOT + "web-inc.xml";
  static final String BUILT_FOR = ROOT + "tomcat-version.txt";
  static final String CLASSES = ROOT + "classes/";

  private PrecompiledViews() {}

  /**
   * Registers the precompiled views when they fit this server; never throws (a failure only logs:
   * the views then compile on first use). Call from {@code contextInitialized}.
   *
   * @return how many views were mapped
   */
  static int register(ServletContext context) {
    try {
      String builtFor = text(context, BUILT_FOR);
      if (builtFor == null) {
        return 0;
      }
      if (!context.getServerInfo().equals("Apache Tomcat/" + builtFor.strip())) {
        LOG.info(
            "[Startup] JSP views precompiled for Tomcat "
                + builtFor.strip()
                + ", not for "
                + context.getServerInfo()
                + ": they compile on first use");
        return 0;
      }
      return register(context, mappings(text(context, MAPPINGS)));
    } catch (Exception | LinkageError e) {
      LOG.log(Level.WARNING, "[Startup] precompiled JSP views not used: " + e, e);
      return 0;
    }
  }

  private static int register(ServletContext context, Map<String, String> classByPath)
      throws ReflectiveOperationException {
    ClassLoader loader = new WarClassLoader(context, CLASSES);
    for (Map.Entry<String, String> view : classByPath.entrySet()) {
      Servlet compiled =
          (Servlet) loader.loadClass(view.getValue()).getDeclaredConstructor().newInstance();
      ServletRegistration.Dynamic registration =
          context.addServlet(view.getValue(), new PrecompiledView(compiled));
      registration.addMapping(view.getKey());
    }
    LOG.info("[Startup] " + classByPath.size() + " precompiled JSP views mapped");
    return classByPath.size();
  }

  /** The {@code url-pattern → servlet-class} pairs of JspC's {@code webXmlInclude} output. */
  static Map<String, String> mappings(String webInc) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    // The fragment has several top-level elements: give it one root.
    org.w3c.dom.Document doc =
        factory
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader("<r>" + webInc + "</r>")));
    Map<String, String> classByName = new LinkedHashMap<>();
    NodeList servlets = doc.getElementsByTagName("servlet");
    for (int i = 0; i < servlets.getLength(); i++) {
      Element servlet = (Element) servlets.item(i);
      classByName.put(child(servlet, "servlet-name"), child(servlet, "servlet-class"));
    }
    Map<String, String> classByPath = new LinkedHashMap<>();
    NodeList maps = doc.getElementsByTagName("servlet-mapping");
    for (int i = 0; i < maps.getLength(); i++) {
      Element map = (Element) maps.item(i);
      String servletClass = classByName.get(child(map, "servlet-name"));
      if (servletClass != null) {
        classByPath.put(child(map, "url-pattern"), servletClass);
      }
    }
    return classByPath;
  }

  private static String child(Element parent, String name) {
    return parent.getElementsByTagName(name).item(0).getTextContent().strip();
  }

  private static String text(ServletContext context, String path) throws IOException {
    try (InputStream in = context.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
