package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: a chain of edits of layered entries reads and iterates, at every step, exactly as the
 * {@link LinkedHashMap} copied and changed the same way (what the catalog did before), and each
 * step copies a layer of O(√n) entries, not the map.
 */
class LayeredEntriesTest {

  @Test
  void everyEditReadsAndIteratesLikeTheLinkedHashMapItStandsFor() {
    Random random = new Random(18);
    for (int round = 0; round < 20; round++) {
      Map<String, Integer> expected = new LinkedHashMap<>();
      for (int i = 0; i < random.nextInt(2_000); i++) {
        expected.put("key-" + random.nextInt(3_000), i);
      }
      Map<String, Integer> layered = copy(expected);
      for (int step = 0; step < 300; step++) {
        LayeredEntries.Edit<String, Integer> edit = LayeredEntries.edit(layered);
        int puts = random.nextInt(10) == 0 ? random.nextInt(500) : 1 + random.nextInt(3);
        for (int i = 0; i < puts; i++) {
          // Mostly keys already there (a price change), sometimes new ones (a new model).
          String key = "key-" + random.nextInt(random.nextBoolean() ? 3_000 : 4_000);
          assertThat(edit.get(key)).isEqualTo(expected.get(key));
          int value = random.nextInt();
          edit.put(key, value);
          expected.put(key, value);
        }
        layered = edit.done();

        assertThat(new ArrayList<>(layered.entrySet()))
            .as("round %d step %d: entries in order", round, step)
            .isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(layered).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(layered.size()).isEqualTo(expected.size());
        String probe = "key-" + random.nextInt(4_500);
        assertThat(layered.get(probe)).isEqualTo(expected.get(probe));
        assertThat(layered.containsKey(probe)).isEqualTo(expected.containsKey(probe));
        if (layered instanceof LayeredEntries<String, Integer> entries) {
          assertThat(entries.layerSize())
              .isLessThanOrEqualTo(LayeredEntries.maxLayer(expected.size()));
        }
      }
    }
  }

  private static Map<String, Integer> copy(Map<String, Integer> entries) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  @Test
  void aChangeOfOneEntrySharesTheBaseAndCopiesNoEntry() {
    Map<String, Integer> entries = new LinkedHashMap<>();
    for (int i = 0; i < 25_000; i++) {
      entries.put("model-" + i, i);
    }
    LayeredEntries.Edit<String, Integer> edit = LayeredEntries.edit(entries);
    edit.put("model-7", -7);
    Map<String, Integer> changed = edit.done();

    assertThat(changed).isInstanceOf(LayeredEntries.class);
    assertThat(((LayeredEntries<String, Integer>) changed).layerSize()).isEqualTo(1);
    assertThat(changed.get("model-7")).isEqualTo(-7);
    assertThat(entries.get("model-7")).as("the map it was made from").isEqualTo(7);
    assertThat(changed.keySet().stream().skip(7).findFirst()).hasValue("model-7");
  }
}
