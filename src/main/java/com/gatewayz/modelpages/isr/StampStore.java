package com.gatewayz.modelpages.isr;

import java.util.Collection;
import java.util.Map;

/** Where the tag clock keeps its stamps so a restart cannot revive purged pages. */
interface StampStore {

  /** Stamps, the tick and the low-water mark as last saved. */
  Snapshot load();

  void saveStamps(Collection<String> names, long tick);

  void saveMarks(long tick, long lowWater);

  void forget(Collection<String> names);

  void clearStamps();

  record Snapshot(Map<String, Long> stamps, long tick, long lowWater) {}

  /** Keeps nothing: for a cache that does not persist. */
  StampStore NONE =
      new StampStore() {
        @Override
        public Snapshot load() {
          return new Snapshot(Map.of(), 0, 0);
        }

        @Override
        public void saveStamps(Collection<String> names, long tick) {}

        @Override
        public void saveMarks(long tick, long lowWater) {}

        @Override
        public void forget(Collection<String> names) {}

        @Override
        public void clearStamps() {}
      };
}
