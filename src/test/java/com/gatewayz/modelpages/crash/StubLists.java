package com.gatewayz.modelpages.crash;

import com.gatewayz.modelpages.testing.StubGateway;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The stub gateway's list, one version per round: three core models whose price follows the
 * version, and one new model per version that stays listed for three versions, then is dropped
 * (retired after two refreshes without it).
 */
final class StubLists {

  private static final int CORE = 3;
  private static final int LIFETIME = 3;
  private static final String CORE_PREFIX = "crashstub/core-";
  private static final String ROTATING_PREFIX = "crashstub/gen-";

  private StubLists() {}

  /** The list as the stub serves it (OpenRouter format). */
  static String json(int version) {
    List<String> idsAndPrices = new ArrayList<>();
    for (String id : listed(version)) {
      idsAndPrices.add(id);
      idsAndPrices.add(price(id, version).toPlainString());
    }
    return StubGateway.openRouterList(idsAndPrices.toArray(String[]::new));
  }

  static List<String> listed(int version) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < CORE; i++) {
      ids.add(CORE_PREFIX + i);
    }
    for (int born = Math.max(0, version - LIFETIME + 1); born <= version; born++) {
      ids.add(ROTATING_PREFIX + born);
    }
    return ids;
  }

  /** Every model some version up to {@code version} listed. */
  static List<String> everListed(int version) {
    List<String> ids = new ArrayList<>(listed(0));
    for (int born = 1; born <= version; born++) {
      ids.add(ROTATING_PREFIX + born);
    }
    return ids;
  }

  static boolean isListed(String id, int version) {
    return listed(version).contains(id);
  }

  /** Its price per token in {@code version}: core prices move with the version, others never. */
  static BigDecimal price(String id, int version) {
    if (id.startsWith(CORE_PREFIX)) {
      return BigDecimal.valueOf(
          100L * (version + 1) + Integer.parseInt(id.substring(CORE_PREFIX.length())), 8);
    }
    return BigDecimal.valueOf(5_000L + Integer.parseInt(id.substring(ROTATING_PREFIX.length())), 8);
  }
}
