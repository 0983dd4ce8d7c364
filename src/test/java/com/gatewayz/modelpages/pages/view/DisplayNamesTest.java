package com.gatewayz.modelpages.pages.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {

  // The regex split the hand-written word loop replaced: both must name every slug alike.
  private static String splitByRegex(String slug) {
    StringBuilder out = new StringBuilder(slug.length());
    for (String word : slug.split("[-_]+")) {
      if (!word.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ");
        out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return out.toString();
  }

  @Test
  void knownNamesWinAndUnknownSlugsAreTitleCasedWordByWord() {
    assertThat(DisplayNames.developer("x-ai")).isEqualTo("xAI");
    assertThat(DisplayNames.gateway("together")).isEqualTo("Together AI");
    assertThat(DisplayNames.developer("prime-intellect")).isEqualTo("Prime Intellect");
    assertThat(DisplayNames.developer("__a--b_c-")).isEqualTo("A B C");
    assertThat(DisplayNames.gateway("scale1")).isEqualTo("Scale1");
    assertThat(DisplayNames.developer("")).isEmpty();
    assertThat(DisplayNames.developer("-_-")).isEmpty();
  }

  @Test
  void anySlugIsNamedAsTheRegexSplitNamedIt() {
    Random random = new Random(18);
    String alphabet = "ab-_\u00e9\u00dfz9.\uD83D\uDE80";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder slug = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        slug.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      // No known slug can be spelled from this alphabet (lone surrogates included).
      String text = slug.toString();
      assertThat(DisplayNames.developer(text)).as(text).isEqualTo(splitByRegex(text));
      assertThat(DisplayNames.gateway(text)).as(text).isEqualTo(splitByRegex(text));
    }
  }
}
