package com.gatewayz.modelpages.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A feed's stream turns non-blocking in {@link Subscription#start()}; an event broadcast in that
 * moment must wait for it. (ModelEventsTest lost an event on a loaded CI machine: the writer thread
 * wrote in blocking mode while the container switched the stream, and the feed went silent.)
 */
class SubscriptionWritesTest {

  private final ModelEventHub hub =
      new ModelEventHub(
          Clock.systemUTC(), new LiveLimits(10, 10, Duration.ofMinutes(1), 64 * 1024));

  @AfterEach
  void close() {
    hub.close();
  }

  /** Like Tomcat's stream: blocking, and always ready, until a write listener is set. */
  private static final class ContainerStream extends ServletOutputStream {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private volatile WriteListener listener;
    private volatile int blockingWrites;
    private Runnable whileSwitching = () -> {};
    private volatile int writesToRefuse;
    // When set, each write waits for it: a call of the writer thread in flight.
    private volatile CountDownLatch holdWrites;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener writeListener) {
      whileSwitching.run();
      listener = writeListener;
    }

    // Like Tomcat's checkNonBlockingWrite when a container thread still finishes the last write.
    @Override
    public void write(byte[] bytes, int offset, int length) {
      CountDownLatch hold = holdWrites;
      if (hold != null) {
        calls.add("write started");
        awaitQuietly(hold);
        calls.add("write returned");
      }
      writeNow(bytes, offset, length);
    }

    private synchronized void writeNow(byte[] bytes, int offset, int length) {
      if (writesToRefuse > 0) {
        writesToRefuse--;
        throw new IllegalStateException("the previous write has not completed");
      }
      for (int i = offset; i < offset + length; i++) {
        write(bytes[i]);
      }
    }

    @Override
    public synchronized void write(int b) {
      if (listener == null) {
        blockingWrites++;
      }
      written.write(b);
    }

    synchronized String text() {
      return written.toString(StandardCharsets.UTF_8);
    }
  }

  private static AsyncContext async() {
    return async(() -> {});
  }

  /** An AsyncContext whose {@code complete()} runs {@code onComplete} first. */
  private static AsyncContext async(Runnable onComplete) {
    return (AsyncContext)
        Proxy.newProxyInstance(
            SubscriptionWritesTest.class.getClassLoader(),
            new Class<?>[] {AsyncContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("complete")) {
                onComplete.run();
              }
              return null;
            });
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs a container callback on a thread of its own and lets the writer's held call go once the
   * callback returned or waits; the calls then show which came first.
   */
  private static void containerCallbackWhileHeld(
      Runnable callback, CountDownLatch held, List<String> calls) throws InterruptedException {
    Thread container =
        new Thread(
            () -> {
              callback.run();
              calls.add("callback returned");
            },
            "container");
    container.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                container.getState() == Thread.State.TERMINATED
                    || container.getState() == Thread.State.TIMED_WAITING
                    || container.getState() == Thread.State.WAITING);
    held.countDown();
    container.join(30_000);
  }

  @Test
  void theContainersEndWaitsForAWriteInFlightAndNoWriteFollowsIt() throws Exception {
    ContainerStream out = new ContainerStream();
    Subscription subscription = new Subscription("client", async(), out, hub);
    subscription.start();
    String first = new String(ModelEventHub.FIRST_FRAME, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(10)).until(() -> out.text().equals(first));
    CountDownLatch held = new CountDownLatch(1);
    out.holdWrites = held;
    byte[] event = "event: models.added\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);
    hub.writer().execute(() -> subscription.offer(event));
    await().atMost(Duration.ofSeconds(10)).until(() -> out.calls.contains("write started"));

    // The client left: Tomcat calls onError, then recycles the request once the callback returned.
    containerCallbackWhileHeld(
        () -> subscription.onError(new IOException("Broken pipe")), held, out.calls);
    hub.writer().execute(() -> subscription.offer(event));
    CountDownLatch writerDone = new CountDownLatch(1);
    hub.writer().execute(writerDone::countDown);
    assertThat(writerDone.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(out.calls)
        .as("the writer's calls and the container's callback, in order")
        .containsExactly("write started", "write returned", "callback returned");
    assertThat(subscription.isEnded()).isTrue();
  }

  @Test
  void theContainersEndWaitsForTheWritersCompleteInFlight() throws Exception {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch held = new CountDownLatch(1);
    AsyncContext async =
        async(
            () -> {
              calls.add("complete started");
              awaitQuietly(held);
              calls.add("complete returned");
            });
    Subscription subscription = new Subscription("client", async, new ContainerStream(), hub);
    subscription.start();
    // The writer drops the subscriber (its queue overflowed): it completes the request itself.
    hub.writer().execute(() -> subscription.end(true));
    await().atMost(Duration.ofSeconds(10)).until(() -> calls.contains("complete started"));

    containerCallbackWhileHeld(() -> subscription.onComplete(null), held, calls);

    assertThat(calls).containsExactly("complete started", "complete returned", "callback returned");
  }

  @Test
  void aFrameBroadcastWhileTheStreamTurnsNonBlockingIsWrittenAfterItNeverBlocking() {
    ContainerStream out = new ContainerStream();
    Subscription subscription = new Subscription("client", async(), out, hub);
    byte[] event = "event: models.added\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);
    // The hub's writer broadcasts just as the container is being switched to non-blocking.
    out.whileSwitching = () -> subscription.offer(event);

    subscription.start();

    String expected =
        new String(ModelEventHub.FIRST_FRAME, StandardCharsets.UTF_8)
            + new String(event, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(10)).until(() -> out.text().equals(expected));
    assertThat(out.blockingWrites).as("bytes written in blocking mode").isZero();
  }

  @Test
  void theFirstFrameIsWrittenOnStartWithoutWaitingForTheContainer() {
    ContainerStream out = new ContainerStream();
    Subscription subscription = new Subscription("client", async(), out, hub);

    // This stream never calls onWritePossible by itself: start() must ask for the drain.
    subscription.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> out.text().equals(new String(ModelEventHub.FIRST_FRAME, StandardCharsets.UTF_8)));
    assertThat(subscription.isEnded()).isFalse();
  }

  @Test
  void aWriteTheContainerRefusesIsMadeAgainWhenItCallsOnWritePossible() {
    ContainerStream out = new ContainerStream();
    Subscription subscription = new Subscription("client", async(), out, hub);
    subscription.start();
    String first = new String(ModelEventHub.FIRST_FRAME, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(10)).until(() -> out.text().equals(first));
    byte[] event = "event: models.added\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);

    out.writesToRefuse = 1;
    hub.writer().execute(() -> subscription.offer(event));
    await().atMost(Duration.ofSeconds(10)).until(() -> out.writesToRefuse == 0);
    assertThat(subscription.isEnded()).as("ended by a refused write").isFalse();
    subscription.onWritePossible(); // what the container does after refusing

    String expected = first + new String(event, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(10)).until(() -> out.text().equals(expected));
    assertThat(subscription.isEnded()).isFalse();
  }
}
