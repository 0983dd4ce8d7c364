package com.gatewayz.modelpages.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Listing;
import org.junit.jupiter.api.Test;

/** Large bodies made on the fly, never held whole: each format must read them as a stream. */
class StreamingInputTest {

  private static final int ENTRIES = 20_000;

  @Test
  void openRouterDataArrayOfTwentyThousandEntries() throws Exception {
    GeneratedJsonStream body =
        new GeneratedJsonStream(
            "{\"data\":[",
            ENTRIES,
            i ->
                "{\"id\":\"dev"
                    + (i % 50)
                    + "/model-"
                    + i
                    + "\",\"name\":\"Dev: Model "
                    + i
                    + "\",\"description\":\""
                    + "x".repeat(500)
                    + "\",\"context_length\":131072,"
                    + "\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}}",
            "]}");
    ParsedList parsed = new OpenRouterFormat().parse(body, "openrouter");
    assertThat(parsed.models()).hasSize(ENTRIES);
    assertThat(body.served()).isGreaterThan(10_000_000L);
    Listing last = parsed.models().get(ENTRIES - 1);
    assertThat(last.id()).isEqualTo("dev49/model-19999");
    assertThat(last.name()).isEqualTo("Model 19999");
  }

  @Test
  void togetherBareArrayOfTwentyThousandEntries() throws Exception {
    GeneratedJsonStream body =
        new GeneratedJsonStream(
            "[",
            ENTRIES,
            i ->
                "{\"id\":\"org/Model-"
                    + i
                    + "\",\"type\":\""
                    + (i % 2 == 0 ? "chat" : "embedding")
                    + "\",\"pricing\":{\"input\":0.88,\"output\":1.2}}",
            "]");
    ParsedList parsed = new TogetherFormat().parse(body, "together");
    assertThat(parsed.models()).hasSize(ENTRIES / 2);
    assertThat(parsed.models().get(0).pricing().completion().toPlainString())
        .isEqualTo("0.0000012");
  }

  @Test
  void modelsDevProvidersStreamedOneAtATime() throws Exception {
    int providers = 200;
    int perProvider = ENTRIES / providers;
    GeneratedJsonStream body =
        new GeneratedJsonStream(
            "{",
            providers,
            p ->
                "\"provider-"
                    + p
                    + "\":{\"id\":\"provider-"
                    + p
                    + "\",\"models\":{"
                    + models(perProvider)
                    + "}}",
            "}");
    ParsedList parsed = new ModelsDevFormat().parse(body, "models-dev");
    assertThat(parsed.models()).hasSize(ENTRIES);
    assertThat(parsed.skippedCount()).isZero();
    assertThat(parsed.models().get(ENTRIES - 1).id()).isEqualTo("provider-199/model-99");
  }

  private static String models(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",")
          .append("\"model-")
          .append(i)
          .append("\":{\"id\":\"model-")
          .append(i)
          .append("\",\"cost\":{\"input\":3,\"output\":15},\"limit\":{\"context\":200000}}");
    }
    return out.toString();
  }
}
