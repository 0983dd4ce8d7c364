package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/models/events}: the live model feed as Server-Sent Events, on an asynchronous
 * request that stays open (async-supported in web.xml, like every filter on its path). Never behind
 * the ISR filter.
 */
public class ModelEventsServlet extends HttpServlet {

  private transient ModelEventHub hub;

  @Override
  public void init() {
    hub = ServiceRegistry.from(getServletContext()).get(ModelEventHub.class);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("text/event-stream");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-cache, no-transform");
    response.setHeader("X-Accel-Buffering", "no");
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    Connection connection = new Connection(async, response.getOutputStream());
    async.addListener(connection);
    hub.subscribe(connection);
  }

  /** One client's open response; writes are serialised per connection. */
  private final class Connection implements ModelEventHub.Subscriber, AsyncListener {
    private final AsyncContext async;
    private final ServletOutputStream out;
    private boolean closed;

    Connection(AsyncContext async, ServletOutputStream out) {
      this.async = async;
      this.out = out;
    }

    @Override
    public synchronized boolean send(String frame) {
      if (closed) {
        return false;
      }
      try {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return true;
      } catch (IOException | IllegalStateException e) {
        return false;
      }
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        try {
          async.complete();
        } catch (IllegalStateException e) {
          // the container already ended the request
        }
      }
    }

    private synchronized void ended() {
      closed = true;
      hub.unsubscribe(this);
    }

    @Override
    public void onComplete(AsyncEvent event) {
      ended();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      ended();
    }

    @Override
    public void onError(AsyncEvent event) {
      ended();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
