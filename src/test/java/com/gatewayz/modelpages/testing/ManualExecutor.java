package com.gatewayz.modelpages.testing;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** An executor that only queues: the test runs background work when it chooses. */
public final class ManualExecutor extends AbstractExecutorService {

  private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
  private volatile boolean shutdown;

  @Override
  public void execute(Runnable task) {
    queued.add(task);
  }

  /** Runs every queued task, including those queued while running; returns how many ran. */
  public int runAll() {
    int ran = 0;
    Runnable task;
    while ((task = queued.poll()) != null) {
      task.run();
      ran++;
    }
    return ran;
  }

  public int queuedCount() {
    return queued.size();
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.copyOf(queued);
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
