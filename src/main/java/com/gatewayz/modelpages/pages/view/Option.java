package com.gatewayz.modelpages.pages.view;

/**
 * One choice of a filter select or sort menu: value, label, whether chosen, and an optional link.
 */
public final class Option {

  private final String value;
  private final String label;
  private final boolean selected;
  private final String href;

  Option(String value, String label, boolean selected, String href) {
    this.value = value;
    this.label = label;
    this.selected = selected;
    this.href = href;
  }

  /** The parameter value; empty for "any". */
  public String getValue() {
    return value;
  }

  public String getLabel() {
    return label;
  }

  public boolean isSelected() {
    return selected;
  }

  /** The index with this choice applied and the other parameters kept; empty for selects. */
  public String getHref() {
    return href;
  }
}
