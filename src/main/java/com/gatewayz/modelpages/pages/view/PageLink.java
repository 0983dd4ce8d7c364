package com.gatewayz.modelpages.pages.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One item of the index pagination: a page number with its link, the current page, or a gap ("…")
 * between distant numbers.
 */
public final class PageLink {

  private static final int AROUND = 2;

  private final int number;
  private final String href;
  private final boolean current;

  private PageLink(int number, String href, boolean current) {
    this.number = number;
    this.href = href;
    this.current = current;
  }

  /**
   * The first and last pages, the pages within two of {@code page}, and a gap where numbers are
   * skipped; {@code hrefOf} builds each page's link.
   */
  static List<PageLink> around(int page, int pageCount, IntFunction<String> hrefOf) {
    List<PageLink> links = new ArrayList<>();
    int previous = 0;
    for (int n = 1; n <= pageCount; n++) {
      if (n == 1 || n == pageCount || Math.abs(n - page) <= AROUND) {
        if (n - previous > 1) {
          links.add(new PageLink(0, "", false));
        }
        links.add(new PageLink(n, hrefOf.apply(n), n == page));
        previous = n;
      }
    }
    return List.copyOf(links);
  }

  /** The page number; 0 for a gap. */
  public int getNumber() {
    return number;
  }

  public String getHref() {
    return href;
  }

  public boolean isCurrent() {
    return current;
  }

  public boolean isGap() {
    return number == 0;
  }
}
