package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.testing.TerracottaServer;
import java.util.List;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("cluster")
class ScratchTimingIT {
  @Test
  void time() throws Exception {
    try (TerracottaServer t = TerracottaServer.start()) {
      FakeRenderer r = new FakeRenderer();
      try (ClusterNode a = ClusterNode.join(t.uri("x"), r);
          ClusterNode b = ClusterNode.join(t.uri("x"), r)) {
        r.versions.put("s", 1);
        b.read("/p/s");
        Counters c = new Counters(() -> a.storage.connection().counters());
        for (int round = 0; round < 6; round++) {
          long s0 = System.nanoTime();
          for (int i = 0; i < 20; i++) c.increment("\u0000x");
          long s1 = System.nanoTime();
          for (int i = 0; i < 20; i++) a.storage.connection().counters().get("\u0000probe");
          long s2 = System.nanoTime();
          for (int i = 0; i < 20; i++) a.storage.connection().pages().remove("zz");
          long s3 = System.nanoTime();
          for (int i = 0; i < 20; i++) {
            b.read("/p/s");
            a.isr.purge(List.of("t:s"), List.of());
          }
          long s4 = System.nanoTime();
          for (int i = 0; i < 20; i++) a.storage.tagClock().stamp(List.of("t:s"));
          long s5 = System.nanoTime();
          long inv = 0;
          for (int i = 0; i < 20; i++) {
            b.storage.connection().counters().get("\u0000x");
            long q = System.nanoTime();
            c.increment("\u0000x");
            inv += System.nanoTime() - q;
          }
          System.out.printf("TIMING increment of a key B holds %.1f ms%n", inv / 20e6);
          System.out.printf(
              "TIMING increment %.1f ms, absent get %.1f ms, page remove %.1f, isr purge %.1f, stamp %.1f%n",
              (s1 - s0) / 20e6,
              (s2 - s1) / 20e6,
              (s3 - s2) / 20e6,
              (s4 - s3) / 20e6,
              (s5 - s4) / 20e6);
        }
      }
    }
  }
}
