package com.gatewayz.modelpages.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
    public synchronized void write(byte[] bytes, int offset, int length) {
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
    return (AsyncContext)
        Proxy.newProxyInstance(
            SubscriptionWritesTest.class.getClassLoader(),
            new Class<?>[] {AsyncContext.class},
            (proxy, method, args) -> null);
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
