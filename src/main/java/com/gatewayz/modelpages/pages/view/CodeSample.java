package com.gatewayz.modelpages.pages.view;

/** One "Use this model" sample: a key for element ids, a tab label, a language and the code. */
public final class CodeSample {

  private final String key;
  private final String label;
  private final String language;
  private final String code;

  CodeSample(String key, String label, String language, String code) {
    this.key = key;
    this.label = label;
    this.language = language;
    this.code = code;
  }

  /** "curl", "python", "typescript": unique on the page, safe in an id attribute. */
  public String getKey() {
    return key;
  }

  /** "cURL", "Python", "TypeScript". */
  public String getLabel() {
    return label;
  }

  /** The language class suffix ("bash", "python", "typescript"). */
  public String getLanguage() {
    return language;
  }

  /** The code as plain text; the JSP escapes it. */
  public String getCode() {
    return code;
  }
}
