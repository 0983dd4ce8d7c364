package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: a layered map answers as a plain map given the same puts and removals, folds or not.
 */
class LayeredMapTest {

  @Test
  void answersAsAPlainMapThroughLayersAndFolds() {
    Random random = new Random(11);
    Map<Integer, String> plain = new HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      plain.put(i, "v" + i);
    }
    LayeredMap<Integer, String> layered = LayeredMap.of(new HashMap<>(plain));
    LayeredMap<Integer, String> first = layered;
    for (int step = 0; step < 2_000; step++) {
      LayeredMap<Integer, String>.Edit edit = layered.edit();
      int key = random.nextInt(1_500);
      if (random.nextBoolean()) {
        edit.put(key, "s" + step);
        plain.put(key, "s" + step);
      } else {
        edit.remove(key);
        plain.remove(key);
      }
      assertThat(edit.get(key)).isEqualTo(plain.get(key));
      layered = edit.done();
    }
    for (int key = 0; key < 1_500; key++) {
      assertThat(layered.get(key)).as("key %s", key).isEqualTo(plain.get(key));
      assertThat(layered.containsKey(key)).isEqualTo(plain.containsKey(key));
      assertThat(first.get(key)).isEqualTo(key < 1_000 ? "v" + key : null);
    }
  }
}
