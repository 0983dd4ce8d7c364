package com.gatewayz.modelpages.gateway;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Picks the refresh schedule for this server: the EJB timer where an EJB container deployed it
 * (Payara), else a scheduler thread (Tomcat). Exactly one of them is ever scheduled.
 */
public final class Schedulers {

  private Schedulers() {}

  public static IntervalScheduler forThisServer() {
    try {
      Object bean = new InitialContext().lookup(RefreshTimerBean.JNDI_NAME);
      if (bean instanceof IntervalScheduler scheduler) {
        return scheduler;
      }
    } catch (NamingException | RuntimeException | LinkageError e) {
      // No EJB container here: fall through to the scheduler thread.
    }
    return new ExecutorScheduler();
  }
}
