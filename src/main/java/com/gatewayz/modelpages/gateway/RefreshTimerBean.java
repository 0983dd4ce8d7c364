package com.gatewayz.modelpages.gateway;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The schedule on Payara: non-persistent EJB interval timers, one per job (the gateway refresh,
 * keeping popular pages fresh), so each runs once per interval on each node and never survives a
 * restart. The composition root finds the bean by JNDI and schedules the jobs; on Tomcat the lookup
 * fails and {@link ExecutorScheduler} runs them instead, so no job ever runs twice. Bean managed
 * concurrency lets one job's timeout run while another's is still busy. The only class of the
 * application that uses {@code jakarta.ejb}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RefreshTimerBean implements IntervalScheduler {

  /** The JNDI name the composition root looks up. */
  public static final String JNDI_NAME = "java:module/RefreshTimerBean";

  private static final Logger LOG = Logger.getLogger(RefreshTimerBean.class.getName());
  private static final String PREFIX = "model-pages-";

  @Resource private TimerService timers;
  private final Map<String, Runnable> jobs = new ConcurrentHashMap<>();

  @Override
  public void schedule(String name, long initialDelayMillis, long intervalMillis, Runnable job) {
    cancel(PREFIX + name);
    jobs.put(PREFIX + name, job);
    timers.createIntervalTimer(
        Math.max(1, initialDelayMillis), intervalMillis, new TimerConfig(PREFIX + name, false));
    LOG.info("[Schedule] " + name + " every " + intervalMillis / 1000 + " s by an EJB timer");
  }

  @Timeout
  void fire(Timer timer) {
    Runnable job = jobs.get(String.valueOf(timer.getInfo()));
    if (job == null) {
      return;
    }
    try {
      job.run();
    } catch (RuntimeException e) {
      // A failed run must not cancel the timer: log it and wait for the next interval.
      LOG.log(Level.WARNING, "[Schedule] " + timer.getInfo() + " failed", e);
    }
  }

  private void cancel(String info) {
    jobs.remove(info);
    for (Timer timer : timers.getTimers()) {
      if (info.equals(timer.getInfo())) {
        timer.cancel();
      }
    }
  }

  @Override
  @PreDestroy
  public void cancel() {
    jobs.clear();
    for (Timer timer : timers.getTimers()) {
      timer.cancel();
    }
  }
}
