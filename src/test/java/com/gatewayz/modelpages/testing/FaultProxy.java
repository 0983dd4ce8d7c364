package com.gatewayz.modelpages.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A TCP proxy on a free loopback port in front of one server, that a test can break: {@link
 * #reset()} closes every connection (both ends see it at once), {@link #down()} also closes every
 * new one until {@link #restore()}, and {@link #partition()} holds every byte in both directions,
 * closes included, as a network that stopped delivering would, until {@link #restore()} lets them
 * through. Each connection is pumped by two daemon threads.
 */
public final class FaultProxy implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FaultProxy.class.getName());

  private enum Mode {
    PASS,
    PARTITION,
    DOWN
  }

  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final Object modeLock = new Object();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile Mode mode = Mode.PASS;
  private volatile boolean closed;

  private FaultProxy(ServerSocket listener, int targetPort) {
    this.listener = listener;
    this.targetPort = targetPort;
  }

  /** Starts a proxy to {@code 127.0.0.1:targetPort}. */
  public static FaultProxy to(int targetPort) {
    try {
      FaultProxy proxy =
          new FaultProxy(
              new ServerSocket(TestPorts.free(), 50, InetAddress.getLoopbackAddress()), targetPort);
      daemon(proxy::acceptLoop, "fault-proxy-accept").start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Closes every open connection; new ones pass. */
  public void reset() {
    links.forEach(Link::close);
  }

  /** Closes every open connection, and every new one until {@link #restore()}. */
  public void down() {
    setMode(Mode.DOWN);
    reset();
  }

  /** Holds every byte, and every close, in both directions until {@link #restore()}. */
  public void partition() {
    setMode(Mode.PARTITION);
  }

  /** Lets everything through again, what was held first. */
  public void restore() {
    setMode(Mode.PASS);
  }

  private void setMode(Mode next) {
    synchronized (modeLock) {
      mode = next;
      modeLock.notifyAll();
    }
    LOG.info(() -> "[FaultProxy] :" + port() + " → " + next);
  }

  private void awaitPass() throws InterruptedException {
    synchronized (modeLock) {
      while (mode == Mode.PARTITION && !closed) {
        modeLock.wait();
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        accepted.incrementAndGet();
        if (mode == Mode.DOWN) {
          client.close();
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        Link link = new Link(client, server);
        links.add(link);
        link.start();
      } catch (IOException e) {
        if (!closed) {
          LOG.fine(() -> "[FaultProxy] accept failed: " + e);
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    restore();
    try {
      listener.close();
    } catch (IOException e) {
      LOG.fine(() -> "[FaultProxy] close failed: " + e);
    }
    reset();
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** One proxied connection: a pump each way. */
  private final class Link {
    private final Socket client;
    private final Socket server;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void start() {
      daemon(() -> pump(client, server), "fault-proxy-up").start();
      daemon(() -> pump(server, client), "fault-proxy-down").start();
    }

    private void pump(Socket from, Socket to) {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        while (true) {
          int read = in.read(buffer);
          awaitPass();
          if (read < 0) {
            break;
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (SocketException e) {
        // closed by reset() or by the other side
      } catch (IOException e) {
        LOG.fine(() -> "[FaultProxy] pump failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      close();
    }

    void close() {
      links.remove(this);
      closeQuietly(client);
      closeQuietly(server);
    }

    private void closeQuietly(Socket socket) {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.fine(() -> "[FaultProxy] close failed: " + e);
      }
    }
  }
}
