package com.gatewayz.modelpages.platform;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a forgotten pool never keeps a JVM or a container from stopping. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
  public static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> daemon(task, prefix + "-" + count.incrementAndGet());
  }

  /** Every thread named {@code name}: for single-thread executors. */
  public static ThreadFactory single(String name) {
    return task -> daemon(task, name);
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
