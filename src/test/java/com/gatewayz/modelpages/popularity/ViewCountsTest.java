package com.gatewayz.modelpages.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewCountsTest {

  @TempDir Path directory;

  @Test
  void viewsCountAndHalveEveryHalfLife() {
    ViewCounts views = new ViewCounts(null);
    for (int i = 0; i < 8; i++) {
      views.viewed("/models/a");
    }
    views.viewed("/models/b");

    assertThat(views.score("/models/a")).isEqualTo(8);
    views.decay(0);
    views.decay(ViewCounts.HALF_LIFE_HOURS);
    assertThat(views.score("/models/a")).isEqualTo(4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(views.top(1)).containsExactly("/models/a");
  }

  @Test
  void scoresSurviveARestartOfTheApplication() {
    Path file = directory.resolve("views.tsv");
    ViewCounts first = new ViewCounts(file);
    first.viewed("/models/a");
    first.viewed("/models/a");
    first.viewed("/models?developer=openai");
    first.decay(0);

    ViewCounts second = new ViewCounts(file);

    assertThat(second.score("/models/a")).isEqualTo(2);
    assertThat(second.top(10)).containsExactly("/models/a", "/models?developer=openai");
  }

  @Test
  void negligibleScoresAreForgotten() {
    ViewCounts views = new ViewCounts(null);
    views.viewed("/models/once");
    views.decay(0);

    views.decay(ViewCounts.HALF_LIFE_HOURS * 10);

    assertThat(views.top(10)).isEmpty();
  }

  @Test
  void madeUpKeysCannotStopNewPagesFromBeingCounted() {
    ViewCounts views = new ViewCounts(null);
    for (int i = 0; i < ViewCounts.MAX_KEYS + 1_000; i++) {
      views.viewed("/models/made-up/" + i);
    }

    views.viewed("/models/new");
    views.viewed("/models/new");
    views.viewed("/models/new");

    assertThat(views.score("/models/new")).isEqualTo(3);
  }
}
