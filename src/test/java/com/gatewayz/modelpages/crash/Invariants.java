package com.gatewayz.modelpages.crash;

import com.gatewayz.modelpages.testing.Http;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What must hold after every restart (the application is up and ready by then): the start-up never
 * fell back to the curated catalog, every model a webhook 200 acknowledged is served as that
 * webhook said (or as a newer event in doubt said), and every model of the stub gateway's list an
 * acknowledged refresh saw is still known, at that list's price or a newer one.
 */
final class Invariants {

  // The loader's fallback ("[Catalog] the stored catalog ... cannot be read; ignoring it") or any
  // line naming the curated catalog: after the first start the stored catalog is always used.
  private static final Pattern FALLBACK =
      Pattern.compile("(?i).*(curated|\\[Catalog\\].*cannot be read).*");

  private final Http http;
  private final Findings findings;

  Invariants(Http http, Findings findings) {
    this.http = http;
    this.findings = findings;
  }

  void checkStartLog(String log) {
    log.lines()
        .filter(line -> FALLBACK.matcher(line).matches())
        .forEach(line -> findings.add("the start-up log has a fallback line: " + line.strip()));
  }

  /** Each webhook model against the ledger; then what was served becomes the known state. */
  void checkWebhookModels(Ledger ledger) {
    for (String id : ledger.ids()) {
      ModelState served = served(id);
      Set<ModelState> allowed = ledger.allowed(id);
      if (!allowed.contains(served)) {
        String hint = served.equals(ModelState.UNKNOWN) ? " (forgotten: a restart lost it)" : "";
        findings.add(id + " is " + served + hint + "; acknowledged: " + allowed);
      }
      ledger.settle(id, served);
    }
  }

  /**
   * The stub's models against the newest list version an admin refresh acknowledged ({@code
   * acknowledged}, or -1 for none) up to the version the stub serves now ({@code current}). A model
   * found forgotten is added to {@code lost} and reported once (a retired model that lost its
   * record never comes back), until it is served again.
   */
  void checkStubModels(int acknowledged, int current, Set<String> lost) {
    if (acknowledged < 0) {
      return;
    }
    for (String id : StubLists.everListed(acknowledged)) {
      ModelState served = served(id);
      Set<ModelState> allowed = allowedStub(id, acknowledged, current);
      boolean forgotten = served.equals(ModelState.UNKNOWN);
      if (!allowed.contains(served) && !(forgotten && lost.contains(id))) {
        findings.add(
            "stub model "
                + id
                + " is "
                + served
                + " after a refresh of list version "
                + acknowledged
                + " was acknowledged; allowed: "
                + allowed);
      }
      if (forgotten) {
        lost.add(id);
      } else {
        lost.remove(id);
      }
    }
  }

  // Listed then: at a price of a version since; dropped since (or before): possibly retired.
  private static Set<ModelState> allowedStub(String id, int acknowledged, int current) {
    Set<ModelState> allowed = new HashSet<>();
    for (int version = acknowledged; version <= current; version++) {
      allowed.add(ModelState.served(StubLists.price(id, version)));
    }
    if (!StubLists.isListed(id, current) || !StubLists.isListed(id, acknowledged)) {
      allowed.add(ModelState.RETIRED);
    }
    return allowed;
  }

  private ModelState served(String id) {
    HttpResponse<String> response = http.get("/api/models/" + id);
    return switch (response.statusCode()) {
      case 200 -> ModelState.served(prompt(response.body()));
      case 404 -> ModelState.UNKNOWN;
      case 410 -> ModelState.RETIRED;
      default -> new ModelState(response.statusCode(), null);
    };
  }

  private static BigDecimal prompt(String body) {
    JsonObject model = Http.json(body);
    return new BigDecimal(model.getJsonObject("pricing").getString("prompt"));
  }
}
