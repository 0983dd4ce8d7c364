package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.TextQuery;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The parameters of the {@code /models} index, normalised: only allow-listed parameters, values
 * validated (an invalid value is dropped, as if absent, and named in {@code rejected}), defaults
 * dropped, sorted in the cache key. Free-text search ({@code q}) is kept but makes the page
 * uncacheable. An empty value is absent (the filter form sends {@code developer=} for "any").
 *
 * @param modality an input modality ({@code image}); null for any
 * @param page 1-based
 * @param rejected the first of developer, gateway, modality, page given a value that cannot name
 *     anything (not a slug, not a known modality, not a page number), else null: such a query is a
 *     404, never a page
 */
public record IndexQuery(
    String q,
    String developer,
    String gateway,
    String modality,
    boolean free,
    Sort sort,
    int page,
    String rejected) {

  public static final int PAGE_SIZE = 48;
  public static final int MAX_PAGE = 10_000;
  private static final int MAX_Q = TextQuery.MAX_LENGTH;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final List<String> MODALITIES = List.of("text", "image", "audio", "file", "video");

  /** Orders of the index; {@link #POPULAR} is the default. */
  public enum Sort {
    POPULAR("popular"),
    NAME("name"),
    PRICE("price"),
    CONTEXT("context"),
    NEWEST("newest");

    private final String param;

    Sort(String param) {
      this.param = param;
    }

    public String param() {
      return param;
    }

    static Sort parse(String value) {
      for (Sort sort : values()) {
        if (sort.param.equals(value)) {
          return sort;
        }
      }
      return POPULAR;
    }
  }

  /** Parses a raw query string; never fails: unknown parameters and bad values are ignored. */
  public static IndexQuery parse(String rawQuery) {
    Map<String, String> params = firstValues(rawQuery);
    String q = given(params.get("q"));
    q = q == null ? null : truncate(q, MAX_Q);
    String developer = slug(given(params.get("developer")));
    String gateway = slug(given(params.get("gateway")));
    String modality = modality(given(params.get("modality")));
    int page = page(given(params.get("page")));
    return new IndexQuery(
        q,
        developer,
        gateway,
        modality,
        isTrue(params.get("free")),
        Sort.parse(params.get("sort")),
        Math.max(1, page),
        firstRejected(params, developer, gateway, modality, page));
  }

  private static String firstRejected(
      Map<String, String> params, String developer, String gateway, String modality, int page) {
    if (given(params.get("developer")) != null && developer == null) {
      return "developer";
    }
    if (given(params.get("gateway")) != null && gateway == null) {
      return "gateway";
    }
    if (given(params.get("modality")) != null && modality == null) {
      return "modality";
    }
    return page == 0 ? "page" : null;
  }

  private static String given(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Map<String, String> firstValues(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&", 64)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      params.putIfAbsent(name, value);
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String slug(String value) {
    if (value == null) {
      return null;
    }
    String lower = value.trim().toLowerCase(Locale.ROOT);
    return SLUG.matcher(lower).matches() ? lower : null;
  }

  private static String modality(String value) {
    if (value == null) {
      return null;
    }
    String lower = value.trim().toLowerCase(Locale.ROOT);
    return MODALITIES.contains(lower) ? lower : null;
  }

  private static boolean isTrue(String value) {
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }

  // 1 when absent, 0 when not a page number from 1 to MAX_PAGE.
  private static int page(String value) {
    if (value == null) {
      return 1;
    }
    try {
      int page = Integer.parseInt(value);
      return page >= 1 && page <= MAX_PAGE ? page : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** Cached only without free-text search. */
  public boolean cacheable() {
    return q == null;
  }

  /** The cache key: {@code /models} plus the non-default parameters, sorted by name. */
  public String cacheKey() {
    String query = queryString(false);
    return query.isEmpty() ? "/models" : "/models?" + query;
  }

  /** This query's parameters as a query string, sorted, defaults dropped, optionally with q. */
  public String queryString(boolean withSearch) {
    Map<String, String> params = new TreeMap<>();
    putIf(params, "developer", developer);
    putIf(params, "gateway", gateway);
    putIf(params, "modality", modality);
    putIf(params, "free", free ? "1" : null);
    putIf(params, "sort", sort == Sort.POPULAR ? null : sort.param());
    putIf(params, "page", page == 1 ? null : Integer.toString(page));
    if (withSearch) {
      putIf(params, "q", q);
    }
    StringJoiner joined = new StringJoiner("&");
    params.forEach(
        (name, value) -> joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return joined.toString();
  }

  private static void putIf(Map<String, String> params, String name, String value) {
    if (value != null) {
      params.put(name, value);
    }
  }

  public IndexQuery withPage(int newPage) {
    return new IndexQuery(q, developer, gateway, modality, free, sort, newPage, rejected);
  }

  public IndexQuery withSort(Sort newSort) {
    return new IndexQuery(q, developer, gateway, modality, free, newSort, 1, rejected);
  }

  /** True when any filter, sort or search is set. */
  public boolean isFiltered() {
    return q != null
        || developer != null
        || gateway != null
        || modality != null
        || free
        || sort != Sort.POPULAR;
  }
}
