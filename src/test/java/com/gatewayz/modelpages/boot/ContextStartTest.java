package com.gatewayz.modelpages.boot;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pre-render waits for the context's request dispatcher (the end of Tomcat's start). */
class ContextStartTest {

  private static ServletContext contextWithDispatcherAfter(int lookups, AtomicInteger asked) {
    RequestDispatcher dispatcher =
        (RequestDispatcher)
            Proxy.newProxyInstance(
                ContextStartTest.class.getClassLoader(),
                new Class<?>[] {RequestDispatcher.class},
                (proxy, method, args) -> null);
    return (ServletContext)
        Proxy.newProxyInstance(
            ContextStartTest.class.getClassLoader(),
            new Class<?>[] {ServletContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRequestDispatcher" ->
                      asked.incrementAndGet() > lookups ? dispatcher : null;
                  case "getRealPath" -> "/";
                  default -> null;
                });
  }

  @Test
  void returnsOnceTheContextGivesADispatcher() {
    AtomicInteger asked = new AtomicInteger();

    ContextStart.awaitOf(contextWithDispatcherAfter(3, asked)).run();

    assertThat(asked).hasValue(4);
  }

  @Test
  void givesUpAfterItsBound() {
    AtomicInteger asked = new AtomicInteger();

    ContextStart.awaitDispatcher(
        contextWithDispatcherAfter(Integer.MAX_VALUE, asked), TimeUnit.MILLISECONDS.toNanos(100));

    assertThat(asked.get()).isGreaterThan(1);
  }
}
