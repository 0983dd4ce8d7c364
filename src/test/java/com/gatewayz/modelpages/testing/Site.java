package com.gatewayz.modelpages.testing;

import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.catalina.connector.Connector;

/** A running application in an embedded Tomcat, as the tests talk to it over real HTTP. */
public interface Site {

  ServletContext servletContext();

  Connector connector();

  int port();

  URI uri(String path);

  HttpClient client();

  HttpResponse<byte[]> send(HttpRequest.Builder request);

  HttpResponse<byte[]> get(String path, String... headers);
}
