package com.gatewayz.modelpages.isr;

import java.util.Collection;
import java.util.Map;

/** Where one node's stamps are kept so a restart cannot revive purged pages. */
interface StampStore {

  /** Stamps, the tick and the low-water mark as last saved. */
  Snapshot load();

  /** Saves each name's stamp. */
  void saveStamps(Map<String, Long> stamps);

  void saveMarks(long tick, long lowWater);

  void forget(Collection<String> names);

  record Snapshot(Map<String, Long> stamps, long tick, long lowWater) {}

  /** Keeps nothing: for a cache that does not persist. */
  StampStore NONE =
      new StampStore() {
        @Override
        public Snapshot load() {
          return new Snapshot(Map.of(), 0, 0);
        }

        @Override
        public void saveStamps(Map<String, Long> stamps) {}

        @Override
        public void saveMarks(long tick, long lowWater) {}

        @Override
        public void forget(Collection<String> names) {}
      };
}
