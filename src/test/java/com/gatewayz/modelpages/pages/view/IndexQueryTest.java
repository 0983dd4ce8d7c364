package com.gatewayz.modelpages.pages.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexQueryTest {

  @Test
  void theCacheKeyKeepsOnlyAllowListedNonDefaultParametersSorted() {
    IndexQuery query =
        IndexQuery.parse("utm_source=x&sort=price&page=2&developer=OpenAI&free=1&sort=name");

    assertThat(query.cacheKey()).isEqualTo("/models?developer=openai&free=1&page=2&sort=price");
    assertThat(query.cacheable()).isTrue();
  }

  @Test
  void defaultsAndInvalidValuesAreDropped() {
    assertThat(IndexQuery.parse("sort=popular&page=1&free=0").cacheKey()).isEqualTo("/models");
    assertThat(IndexQuery.parse("page=-3&modality=smell&developer=%3Cscript%3E").cacheKey())
        .isEqualTo("/models");
    assertThat(IndexQuery.parse("page=99999999").page()).isEqualTo(1);
    assertThat(IndexQuery.parse("%zz=1&=&&").cacheKey()).isEqualTo("/models");
  }

  @Test
  void aGivenValueThatCannotNameAnythingIsRejected() {
    assertThat(IndexQuery.parse("developer=%3Cscript%3E").rejected()).isEqualTo("developer");
    assertThat(IndexQuery.parse("gateway=a%20b").rejected()).isEqualTo("gateway");
    assertThat(IndexQuery.parse("modality=smell").rejected()).isEqualTo("modality");
    assertThat(IndexQuery.parse("page=-3").rejected()).isEqualTo("page");
    assertThat(IndexQuery.parse("page=99999999").rejected()).isEqualTo("page");
    assertThat(IndexQuery.parse("page=two").rejected()).isEqualTo("page");
  }

  @Test
  void emptyValuesFromTheFilterFormAreAbsentNotRejected() {
    IndexQuery query =
        IndexQuery.parse("q=&developer=&gateway=&modality=&page=&sort=junk&free=maybe");

    assertThat(query.rejected()).isNull();
    assertThat(query.cacheKey()).isEqualTo("/models");
    assertThat(query.cacheable()).isTrue();
  }

  @Test
  void aFreeTextSearchIsNeverCached() {
    IndexQuery query = IndexQuery.parse("q=claude+opus&developer=anthropic");

    assertThat(query.cacheable()).isFalse();
    assertThat(query.q()).isEqualTo("claude opus");
    assertThat(query.queryString(true)).isEqualTo("developer=anthropic&q=claude+opus");
    assertThat(IndexQuery.parse("q=+++").cacheable()).isTrue();
  }
}
