package com.gatewayz.modelpages.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Tomcat with JSP support: a view JspC compiled for this Tomcat replaces the JSP, one
 * compiled for another version is left alone, and the precompilation protocol runs nothing.
 */
class PrecompiledViewsTest {

  @TempDir Path docBase;

  /** Stands for a servlet JspC generated from {@code /WEB-INF/views/x.jsp}. */
  public static final class CompiledView extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.getWriter().write("precompiled view");
    }
  }

  /** Includes the view, as the renderer does; {@code ?pre} asks for the precompilation protocol. */
  public static final class Includer extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, jakarta.servlet.ServletException {
      String view =
          "/WEB-INF/views/x.jsp" + (request.getQueryString() == null ? "" : "?jsp_precompile");
      response.getWriter().write("[");
      request.getServletContext().getRequestDispatcher(view).include(request, response);
      response.getWriter().write("]");
    }
  }

  private void webapp(String builtFor) throws IOException {
    Files.createDirectories(docBase.resolve("WEB-INF/views"));
    Files.writeString(docBase.resolve("WEB-INF/views/x.jsp"), "jsp view");
    Path classes = docBase.resolve("WEB-INF/jspc/classes");
    String classFile = CompiledView.class.getName().replace('.', '/') + ".class";
    Files.createDirectories(classes.resolve(classFile).getParent());
    try (InputStream in = CompiledView.class.getClassLoader().getResourceAsStream(classFile)) {
      Files.write(classes.resolve(classFile), in.readAllBytes());
    }
    Files.writeString(
        docBase.resolve("WEB-INF/jspc/web-inc.xml"),
        "<!-- JspC -->\n<servlet>\n  <servlet-name>v</servlet-name>\n  <servlet-class>"
            + CompiledView.class.getName()
            + "</servlet-class>\n</servlet>\n<servlet-mapping>\n  <servlet-name>v</servlet-name>\n"
            + "  <url-pattern>/WEB-INF/views/x.jsp</url-pattern>\n</servlet-mapping>\n",
        StandardCharsets.UTF_8);
    Files.writeString(docBase.resolve("WEB-INF/jspc/tomcat-version.txt"), builtFor);
  }

  private EmbeddedTomcat start() {
    return EmbeddedTomcat.start(docBase, true, this::setUp);
  }

  private void setUp(Context context) {
    context.addServletContainerInitializer((types, ctx) -> PrecompiledViews.register(ctx), null);
    Wrapper includer = Tomcat.addServlet(context, "includer", new Includer());
    includer.addMapping("/go");
  }

  private static String thisTomcat() {
    return ServerInfo.getServerInfo().substring("Apache Tomcat/".length());
  }

  @Test
  void viewsCompiledForThisTomcatAreServedByTheirClasses() throws IOException {
    webapp(thisTomcat() + "\n");

    try (EmbeddedTomcat tomcat = start()) {
      assertThat(body(tomcat, "/go")).isEqualTo("[precompiled view]");
      assertThat(body(tomcat, "/go?pre")).isEqualTo("[]");
    }
  }

  @Test
  void viewsCompiledForAnotherTomcatAreLeftToItsJspServlet() throws IOException {
    webapp("10.1.0");

    try (EmbeddedTomcat tomcat = start()) {
      assertThat(body(tomcat, "/go")).isEqualTo("[jsp view]");
    }
  }

  @Test
  void withoutPrecompiledViewsNothingIsMapped() throws IOException {
    Files.createDirectories(docBase.resolve("WEB-INF/views"));
    Files.writeString(docBase.resolve("WEB-INF/views/x.jsp"), "jsp view");

    try (EmbeddedTomcat tomcat = start()) {
      assertThat(body(tomcat, "/go")).isEqualTo("[jsp view]");
    }
  }

  private static String body(EmbeddedTomcat tomcat, String path) {
    return new String(tomcat.get(path).body(), StandardCharsets.UTF_8);
  }
}
