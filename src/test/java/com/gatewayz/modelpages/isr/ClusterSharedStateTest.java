package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared state's versions over heap caches standing in for the server's strong caches. */
class ClusterSharedStateTest {

  private final CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
  private int servers;

  @AfterEach
  void close() {
    manager.close();
  }

  /** A server that started empty, with its own epoch. */
  private ClusterSharedState server(long epoch) {
    servers++;
    Cache<String, Long> counters =
        manager.createCache(
            "counters" + servers,
            CacheConfigurationBuilder.newCacheConfigurationBuilder(
                String.class, Long.class, ResourcePoolsBuilder.heap(100)));
    Cache<String, byte[]> values =
        manager.createCache(
            "values" + servers,
            CacheConfigurationBuilder.newCacheConfigurationBuilder(
                String.class, byte[].class, ResourcePoolsBuilder.heap(100)));
    return new ClusterSharedState(
        new Counters(() -> counters),
        () -> values,
        ClusterGuard.LOCAL,
        Clock.systemUTC(),
        () -> epoch);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aServerThatRestartedEmptyNeverShowsAVersionANodeHeldBefore() {
    ClusterSharedState before = server(0x1234_5678_9abc_def0L);
    assertThat(before.publish(0, bytes("one"))).isTrue();
    long held = before.version();

    ClusterSharedState restarted = server(0x0fed_cba9_8765_4321L);
    assertThat(restarted.version()).isZero();
    assertThat(restarted.publish(0, bytes("other"))).isTrue();

    assertThat(restarted.version()).isPositive().isNotEqualTo(held);
    assertThat(restarted.read().orElseThrow().version()).isEqualTo(restarted.version());
    assertThat(restarted.publish(held, bytes("based on the lost server"))).isFalse();
  }

  @Test
  void versionsFollowEachOtherWithinOneServer() {
    ClusterSharedState state = server(-42L);
    assertThat(state.publish(0, bytes("one"))).isTrue();
    long first = state.version();

    assertThat(state.publish(first, bytes("two"))).isTrue();
    assertThat(state.version()).isEqualTo(first + 1);
    assertThat(state.publish(first, bytes("stale"))).isFalse();
    assertThat(new String(state.read().orElseThrow().value(), StandardCharsets.UTF_8))
        .isEqualTo("two");
  }
}
