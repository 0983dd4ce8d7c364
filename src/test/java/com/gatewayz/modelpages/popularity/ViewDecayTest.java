package com.gatewayz.modelpages.popularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gatewayz.modelpages.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ViewDecayTest {

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  private final ViewCounts views = new ViewCounts(null);

  @Test
  void closingAgesTheViewsByTheTimePassedOnTheClock() {
    ViewDecay decay = ViewDecay.start(views, clock);
    views.viewed("/models/a");
    views.viewed("/models/a");

    clock.advance(Duration.ofHours(ViewCounts.HALF_LIFE_HOURS));
    decay.decay();
    clock.advance(Duration.ofHours(ViewCounts.HALF_LIFE_HOURS));
    decay.close();

    assertThat(views.score("/models/a")).isCloseTo(1.0, within(1e-9));
  }
}
