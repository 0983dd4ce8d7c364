package com.gatewayz.modelpages.isr;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A page renderer for engine tests: keys {@code /p/<name>} render "<name> v<version>" tagged {@code
 * t:<name>} and {@code all}; {@code /q} is uncacheable; {@code /d/<name>} is dynamic. Tests change
 * versions and statuses, pad bodies to a size, make renders fail (with an exception, or an error),
 * hold them all on a latch, or hang the next few renders each on its own latch.
 */
final class FakeRenderer implements PageRenderer {

  final AtomicInteger renders = new AtomicInteger();
  final Map<String, AtomicInteger> rendersByKey = new ConcurrentHashMap<>();
  final Map<String, Integer> versions = new ConcurrentHashMap<>();
  final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  final Map<String, Integer> paddedTo = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> keyOfCalls = new ConcurrentHashMap<>();
  final Set<String> failing = ConcurrentHashMap.newKeySet();
  volatile CountDownLatch hold;
  final Queue<CountDownLatch> hangNext = new ConcurrentLinkedQueue<>();
  volatile Error throwing;
  volatile CountDownLatch entered = new CountDownLatch(1);

  @Override
  public PageKey keyOf(String path, String rawQuery) {
    keyOfCalls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    if (path.startsWith("/p/")) {
      return new PageKey(path, true, false);
    }
    if (path.startsWith("/d/")) {
      return new PageKey(path, true, true);
    }
    if (path.equals("/q")) {
      return new PageKey(path, false, false);
    }
    return null;
  }

  @Override
  public RenderedPage render(PageKey pageKey) throws Exception {
    String key = pageKey.value();
    renders.incrementAndGet();
    rendersByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    String name = key.substring(key.lastIndexOf('/') + 1);
    // The version is read before waiting, as a real render reads its data first.
    int version = versions.getOrDefault(name, 1);
    // Taken before entering: a render that starts after this one entered never takes its latch.
    CountDownLatch hang = hangNext.poll();
    entered.countDown();
    awaitLatch(hang);
    awaitLatch(hold);
    Error error = throwing;
    if (error != null) {
      throw error;
    }
    if (failing.contains(name)) {
      throw new IllegalStateException("render of " + name + " fails");
    }
    int status = statuses.getOrDefault(name, 200);
    byte[] body = body(name, version);
    return new RenderedPage(
        status, "text/html;charset=UTF-8", body, Set.of("t:" + name, "all"), 0, null);
  }

  private static void awaitLatch(CountDownLatch latch) throws InterruptedException {
    if (latch != null && !latch.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("test latch never released");
    }
  }

  @Override
  public RenderedPage renderNotFound(String key) {
    byte[] body = ("not found " + key).getBytes(StandardCharsets.UTF_8);
    return new RenderedPage(404, "text/html;charset=UTF-8", body, Set.of(), 0, null);
  }

  @Override
  public RenderedPage renderError(int status, String key) {
    byte[] body = ("error " + status).getBytes(StandardCharsets.UTF_8);
    return new RenderedPage(status, "text/html;charset=UTF-8", body, Set.of(), 0, null);
  }

  // "<html>name vN</html>", or with a body of "name vN" repeated up to paddedTo bytes.
  private byte[] body(String name, int version) {
    String text = name + " v" + version + " ";
    int size = paddedTo.getOrDefault(name, 0);
    String content =
        size == 0
            ? name + " v" + version
            : text.repeat(size / text.length() + 1).substring(0, size);
    return ("<html>" + content + "</html>").getBytes(StandardCharsets.UTF_8);
  }

  int keyOfCallsFor(String path) {
    AtomicInteger count = keyOfCalls.get(path);
    return count == null ? 0 : count.get();
  }

  int rendersOf(String key) {
    AtomicInteger count = rendersByKey.get(key);
    return count == null ? 0 : count.get();
  }
}
