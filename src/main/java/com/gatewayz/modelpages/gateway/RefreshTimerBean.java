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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The refresh timer on Payara: a non-persistent EJB interval timer, so it runs once per interval
 * on each node and never survives a restart. The composition root finds it by JNDI and schedules
 * the job; on Tomcat the lookup fails and {@link ExecutorScheduler} runs the job instead, so the
 * job never runs twice. The only class of the application that uses {@code jakarta.ejb}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RefreshTimerBean implements IntervalScheduler {

  /** The JNDI name the composition root looks up. */
  public static final String JNDI_NAME = "java:module/RefreshTimerBean";

  private static final Logger LOG = Logger.getLogger(RefreshTimerBean.class.getName());

  @Resource private TimerService timers;
  private volatile Runnable job;

  @Override
  public void schedule(long initialDelayMillis, long intervalMillis, Runnable newJob) {
    cancel();
    job = newJob;
    timers.createIntervalTimer(
        Math.max(1, initialDelayMillis), intervalMillis, new TimerConfig("model-pages-refresh", false));
    LOG.info("[Gateways] refresh scheduled every " + intervalMillis / 1000 + " s by an EJB timer");
  }

  @Timeout
  void fire(Timer timer) {
    Runnable current = job;
    if (current == null) {
      return;
    }
    try {
      current.run();
    } catch (RuntimeException e) {
      // A failed run must not cancel the timer: log it and wait for the next interval.
      LOG.log(Level.WARNING, "[Gateways] refresh failed", e);
    }
  }

  @Override
  @PreDestroy
  public void cancel() {
    job = null;
    for (Timer timer : timers.getTimers()) {
      timer.cancel();
    }
  }
}
