package com.gatewayz.modelpages.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * One client's open feed. Frames wait in a bounded queue that only the hub's writer thread touches
 * and are written with non-blocking I/O, so a client that stops reading can never block the writer:
 * when its queue overflows, it is dropped. Ends once, whoever ends it (client, timeout, overflow,
 * shutdown), and then tells the hub.
 *
 * <p>The writer's calls into the request (writes, flushes, {@code complete}) and the container's
 * end callbacks hold one lock, so no call of the writer overlaps or follows the container's end:
 * once a callback returned, Tomcat recycles the request and its stream for the next connection, and
 * a call still on its way from the writer thread then lands on that connection's feed (a feed
 * opened right after another client left was ended by the server). The container waits for the lock
 * a bounded time, so a lock order inside the container can never hang the feed.
 */
final class Subscription implements WriteListener, AsyncListener {

  private static final Logger LOG = Logger.getLogger(Subscription.class.getName());

  /** How long a container callback waits for the writer's call in flight, at most. */
  static final long CONTAINER_WAIT_MILLIS = 500;

  private final String client;
  private final AsyncContext async;
  private final ServletOutputStream out;
  private final ModelEventHub hub;
  private final int capacity;
  private final Deque<byte[]> queue = new ArrayDeque<>();
  private int queuedBytes;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final ReentrantLock requestCalls = new ReentrantLock();
  // Set by start() once the stream is non-blocking: until then the writer only queues.
  private volatile boolean started;
  private boolean unflushed;

  /** Nothing is written before the container calls {@link #onWritePossible()}. */
  Subscription(String client, AsyncContext async, ServletOutputStream out, ModelEventHub hub) {
    this.client = client;
    this.async = async;
    this.out = out;
    this.hub = hub;
    this.capacity = hub.limits().queuedBytes();
    enqueue(ModelEventHub.FIRST_FRAME);
  }

  /**
   * Registers for the request's events and turns the stream non-blocking; ends it if that fails.
   */
  void start() {
    try {
      async.addListener(this);
      out.setWriteListener(this);
    } catch (RuntimeException e) {
      end(true);
      throw e;
    }
    // Only now: a drain that ran before setWriteListener returned would write in blocking mode on
    // the writer thread while the container turns the stream non-blocking, and Tomcat can then wait
    // for a write that never asks for onWritePossible again (the feed goes silent). The frames
    // queued meanwhile are written by the drain this schedules.
    started = true;
    onWritePossible();
  }

  String client() {
    return client;
  }

  /** Writer thread only: queues a frame and writes what the connection takes now. */
  void offer(byte[] frame) {
    if (ended.get()) {
      return;
    }
    if (!queue.isEmpty() && queuedBytes + frame.length > capacity) {
      LOG.fine(() -> "[Live] dropped a subscriber that stopped reading: " + client);
      end(true);
      return;
    }
    enqueue(frame);
    drain();
  }

  private void enqueue(byte[] frame) {
    queue.add(frame);
    queuedBytes += frame.length;
  }

  // Writer thread only. isReady() false means the container calls onWritePossible when writable.
  private void drain() {
    if (!started) {
      return;
    }
    requestCalls.lock();
    try {
      if (ended.get()) {
        return;
      }
      while (out.isReady() && writeNext()) {
        // written; try the next
      }
    } catch (IOException | IllegalStateException e) {
      end(true); // the connection failed, or the container already ended the request
    } finally {
      requestCalls.unlock();
    }
  }

  /**
   * Writes the next frame, or flushes what was written; false when nothing is left or the container
   * refused. Tomcat can refuse a write or flush right after isReady() said true, while a container
   * thread finishes the previous one: it throws IllegalStateException before writing anything, and
   * since its own isReady() then said false, it calls onWritePossible later. The frame stays at the
   * head of the queue for that call (ending the feed here dropped a healthy subscriber under load).
   */
  private boolean writeNext() throws IOException {
    byte[] frame = queue.peek();
    try {
      if (frame != null) {
        out.write(frame);
        queue.poll();
        queuedBytes -= frame.length;
        unflushed = true;
        return true;
      }
      if (unflushed) {
        out.flush();
        unflushed = false;
        return true;
      }
      return false;
    } catch (IllegalStateException notReadyYet) {
      return false;
    }
  }

  @Override
  public void onWritePossible() {
    try {
      hub.writer().execute(this::drain);
    } catch (RejectedExecutionException e) {
      end(true); // the hub is closed
    }
  }

  @Override
  public void onError(Throwable failure) {
    endedByContainer(true);
  }

  @Override
  public void onComplete(AsyncEvent event) {
    endedByContainer(false);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // a normal end of the stream: the browser's EventSource reconnects by itself
    endedByContainer(true);
  }

  @Override
  public void onError(AsyncEvent event) {
    endedByContainer(true);
  }

  /**
   * A container thread ends the feed: it first waits for the writer's call in flight, if any, so
   * that none follows this callback (see the class comment). Bounded: past it, the feed ends
   * anyway.
   */
  private void endedByContainer(boolean complete) {
    boolean locked = false;
    try {
      locked = requestCalls.tryLock(CONTAINER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      endOnce(complete, false); // holds the lock already, or waited long enough
    } finally {
      if (locked) {
        requestCalls.unlock();
      }
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) {}

  boolean isEnded() {
    return ended.get();
  }

  /** Ends the feed once; {@code complete}: also ends the response, when the container has not. */
  void end(boolean complete) {
    endOnce(complete, true);
  }

  private void endOnce(boolean complete, boolean lockToComplete) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    hub.ended(this);
    if (!complete) {
      return;
    }
    // Under the lock, like every call into the request (reentrant: a drain may hold it).
    if (lockToComplete) {
      requestCalls.lock();
    }
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // the container already ended the request
    } finally {
      if (lockToComplete) {
        requestCalls.unlock();
      }
    }
  }
}
