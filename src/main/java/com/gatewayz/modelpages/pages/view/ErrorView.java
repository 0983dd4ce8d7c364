package com.gatewayz.modelpages.pages.view;

/**
 * The error page: 503 says the page is being regenerated and to retry shortly; any other status is
 * a generic error that shows no detail. Immutable.
 */
public final class ErrorView {

  private final int status;
  private final SiteContext site;

  private ErrorView(int status, SiteContext site) {
    this.status = status;
    this.site = site;
  }

  public static ErrorView of(int status, SiteContext site) {
    return new ErrorView(status, site);
  }

  public int getStatus() {
    return status;
  }

  /** True for 503: the same URL will work again shortly. */
  public boolean isRetryable() {
    return status == 503;
  }

  public String getTitle() {
    return getHeading() + " | Gatewayz";
  }

  public String getHeading() {
    return isRetryable() ? "This page is being regenerated" : "Something went wrong";
  }

  public String getMessage() {
    return isRetryable()
        ? "Fresh data is on its way. Please retry in a few seconds."
        : "An unexpected error occurred on our side. Please try again later.";
  }

  public String getMetaDescription() {
    return getMessage();
  }

  public String getModelsHref() {
    return site.link("/models");
  }
}
