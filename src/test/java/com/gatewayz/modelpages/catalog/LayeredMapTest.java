package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: a layered map answers as a plain map given the same puts and removals, through the top
 * layer, merges into the middle one and folds into the base; every earlier snapshot keeps answering
 * as the plain map did when it was made.
 */
class LayeredMapTest {

  private static final int KEYS = 1_500;

  @Test
  void answersAsAPlainMapThroughLayersAndFolds() {
    Random random = new Random(11);
    Map<Integer, String> plain = new HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      plain.put(i, "v" + i);
    }
    LayeredMap<Integer, String> layered = LayeredMap.of(new HashMap<>(plain));
    List<LayeredMap<Integer, String>> snapshots = new ArrayList<>(List.of(layered));
    List<Map<Integer, String>> expected = new ArrayList<>(List.of(Map.copyOf(plain)));
    for (int step = 0; step < 3_000; step++) {
      LayeredMap<Integer, String>.Edit edit = layered.edit();
      // Mostly one key, now and then a batch (a refresh) past the top layer or the middle one.
      int changes = random.nextInt(20) == 0 ? 1 + random.nextInt(200) : 1;
      for (int c = 0; c < changes; c++) {
        int key = random.nextInt(KEYS);
        if (random.nextBoolean()) {
          edit.put(key, "s" + step + "." + c);
          plain.put(key, "s" + step + "." + c);
        } else {
          edit.remove(key);
          plain.remove(key);
        }
        assertThat(edit.get(key)).isEqualTo(plain.get(key));
      }
      layered = edit.done();
      if (random.nextInt(100) == 0) {
        snapshots.add(layered);
        expected.add(Map.copyOf(plain));
      }
    }
    snapshots.add(layered);
    expected.add(Map.copyOf(plain));
    for (int s = 0; s < snapshots.size(); s++) {
      for (int key = 0; key < KEYS; key++) {
        assertThat(snapshots.get(s).get(key))
            .as("snapshot %s, key %s", s, key)
            .isEqualTo(expected.get(s).get(key));
        assertThat(snapshots.get(s).containsKey(key)).isEqualTo(expected.get(s).containsKey(key));
      }
    }
  }
}
