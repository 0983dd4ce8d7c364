package com.gatewayz.modelpages.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Tomcat schedule: a refresh stuck on a slow gateway holds back no other job. */
class ExecutorSchedulerTest {

  private final ExecutorScheduler scheduler = new ExecutorScheduler();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    scheduler.cancel();
  }

  @Test
  void anotherJobKeepsRunningWhileTheRefreshHangs() {
    CountDownLatch refreshEntered = new CountDownLatch(1);
    AtomicInteger otherRuns = new AtomicInteger();

    scheduler.schedule("refresh", 0, 10, () -> hang(refreshEntered));
    scheduler.schedule("popular-refresh", 0, 10, otherRuns::incrementAndGet);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> refreshEntered.getCount() == 0 && otherRuns.get() >= 3);
    assertThat(release.getCount()).isEqualTo(1); // the refresh was still hanging meanwhile
  }

  @Test
  void schedulingANameAgainReplacesItsJob() {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();

    scheduler.schedule("job", 0, 10, first::incrementAndGet);
    await().atMost(Duration.ofSeconds(10)).until(() -> first.get() >= 1);
    scheduler.schedule("job", 0, 10, second::incrementAndGet);
    await().atMost(Duration.ofSeconds(10)).until(() -> second.get() >= 1);
    int firstRuns = first.get();
    await().atMost(Duration.ofSeconds(10)).until(() -> second.get() >= firstRuns + 5);

    assertThat(first.get()).isLessThanOrEqualTo(firstRuns + 1);
  }

  private void hang(CountDownLatch entered) {
    entered.countDown();
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
