package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.ManualExecutor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh schedule re-renders popular pages shortly before their revalidate deadline, so a
 * request never finds one STALE; other pages age as ISR says. The fixture revalidates after 60 s:
 * the refresh runs every 12 s and renews pages due within 24 s.
 */
class PopularRefreshTest {

  private final ManualExecutor background = new ManualExecutor();
  private final IsrFixture fixture = IsrFixture.inMemory(background);

  @BeforeEach
  void popularAndUnpopularPages() throws Exception {
    fixture.popularity.keys = List.of("/p/popular");
    fixture.isr.regenerator().renderNow("/p/popular");
    fixture.isr.regenerator().renderNow("/p/unpopular");
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private int refreshAfter(Duration wait) {
    fixture.clock.advance(wait);
    int queued = fixture.isr.refreshPopularBeforeExpiry();
    background.runAll();
    return queued;
  }

  @Test
  void theScheduleRunsFiveTimesPerRevalidatePeriodAndRenewsTwoRunsAhead() {
    assertThat(fixture.isr.popularRefreshIntervalMillis()).isEqualTo(12_000);
    assertThat(fixture.isr.popularRefreshIntervalMillis() * 5)
        .isEqualTo(IsrFixture.REVALIDATE_SECONDS * 1000L);
  }

  @Test
  void aPopularPageFarFromItsDeadlineIsNotRenderedAgain() {
    assertThat(refreshAfter(Duration.ofSeconds(35))).isZero();

    assertThat(fixture.renderer.rendersOf("/p/popular")).isEqualTo(1);
  }

  @Test
  void aPopularPageIsRenderedAgainBeforeItsDeadlineAndIsAHitAfterIt() {
    fixture.renderer.versions.put("popular", 2);

    assertThat(refreshAfter(Duration.ofSeconds(36))).isEqualTo(1);
    fixture.clock.advance(
        Duration.ofSeconds(25)); // 61 s after the first render: its deadline passed

    assertThat(fixture.renderer.rendersOf("/p/popular")).isEqualTo(2);
    Lookup popular = fixture.cache().lookup("/p/popular");
    assertThat(popular.state()).isEqualTo(Lookup.State.FRESH);
    assertThat(
            new String(Gzip.decompress(popular.page().gzipBody(), popular.page().identityLength())))
        .isEqualTo("<html>popular v2</html>");
    assertThat(fixture.state("/p/unpopular")).isEqualTo(Lookup.State.STALE);
  }

  @Test
  void overSeveralPeriodsThePopularPageIsNeverStaleAndTheUnpopularOneIsNeverTouched() {
    for (int run = 1; run <= 5 * 5; run++) {
      fixture.clock.advance(Duration.ofSeconds(12));
      // a request that arrives just before this run
      assertThat(fixture.state("/p/popular"))
          .as("before run %d", run)
          .isEqualTo(Lookup.State.FRESH);
      refreshAfter(Duration.ZERO);
    }

    assertThat(fixture.state("/p/unpopular")).isEqualTo(Lookup.State.STALE);
    assertThat(fixture.renderer.rendersOf("/p/unpopular")).isEqualTo(1);
    // 300 s at most one render per 36 s of age: no render at every run
    assertThat(fixture.renderer.rendersOf("/p/popular")).isBetween(6, 9);
  }

  @Test
  void aStalePopularPageIsRenderedAtTheNextRun() {
    fixture.clock.advance(Duration.ofSeconds(90));
    assertThat(fixture.state("/p/popular")).isEqualTo(Lookup.State.STALE);

    refreshAfter(Duration.ZERO);

    assertThat(fixture.state("/p/popular")).isEqualTo(Lookup.State.FRESH);
  }
}
