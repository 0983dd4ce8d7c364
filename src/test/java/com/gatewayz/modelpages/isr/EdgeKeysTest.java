package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The names a page carries for an edge, and Cloudflare's Cache-Tag rule for them. */
class EdgeKeysTest {

  @Test
  void aPageIsKnownByItsTagsItsPathAndTheNameOfEverything() {
    List<String> names =
        EdgeKeys.of(new String[] {"model:openai/gpt-4o", "models:all"}, "/models/openai/gpt-4o");

    assertThat(names)
        .containsExactly(
            "model:openai/gpt-4o", "models:all", "path:/models/openai/gpt-4o", "site:all");
    assertThat(EdgeKeys.surrogateKey(names))
        .isEqualTo("model:openai/gpt-4o models:all path:/models/openai/gpt-4o site:all");
    assertThat(EdgeKeys.cacheTag(names))
        .isEqualTo("model:openai/gpt-4o,models:all,path:/models/openai/gpt-4o,site:all");
  }

  @Test
  void shortPlainNamesAreTheirOwnCacheTags() {
    assertThat(EdgeKeys.cacheTagName("model:meta-llama/llama-3.1-8b-instruct:free"))
        .isEqualTo("model:meta-llama/llama-3.1-8b-instruct:free");
    assertThat(EdgeKeys.cacheTagName("x".repeat(EdgeKeys.MAX_PLAIN_CACHE_TAG)))
        .hasSize(EdgeKeys.MAX_PLAIN_CACHE_TAG);
  }

  @Test
  void longOrUnsafeNamesAreHashedTheSameWayEveryTime() {
    String longName = "x".repeat(EdgeKeys.MAX_PLAIN_CACHE_TAG + 1);
    List<String> hostile =
        List.of(longName, "a,b", "a b", "modèle", "line\nbreak", "h:looks-hashed", "");

    for (String name : hostile) {
      assertThat(EdgeKeys.cacheTagName(name))
          .as(name)
          .matches("h:[0-9a-f]{32}")
          .isEqualTo(EdgeKeys.cacheTagName(name));
    }
    assertThat(hostile.stream().map(EdgeKeys::cacheTagName).distinct()).hasSize(hostile.size());
  }

  @Test
  void aPageWhoseNamesDoNotFitCloudflaresLimitsHasNoCacheTag() {
    String[] manyShort =
        IntStream.range(0, EdgeKeys.MAX_CACHE_TAGS).mapToObj(i -> "t" + i).toArray(String[]::new);
    String[] manyLong =
        IntStream.range(0, 300).mapToObj(i -> "tag:" + "y".repeat(50) + i).toArray(String[]::new);
    String[] fitting =
        IntStream.range(0, 200).mapToObj(i -> "tag:" + "y".repeat(50) + i).toArray(String[]::new);

    assertThat(EdgeKeys.cacheTag(EdgeKeys.of(manyShort, "/p"))).isNull();
    assertThat(EdgeKeys.cacheTag(EdgeKeys.of(manyLong, "/p"))).isNull();
    assertThat(EdgeKeys.cacheTag(EdgeKeys.of(fitting, "/p")))
        .hasSizeLessThanOrEqualTo(EdgeKeys.MAX_CACHE_TAG_HEADER);
  }
}
