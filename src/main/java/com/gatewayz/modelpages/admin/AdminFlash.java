package com.gatewayz.modelpages.admin;

import java.util.Locale;

/**
 * The short message the admin page shows after an action. Only its code travels in the redirect
 * ({@code ?done=purged-model}, {@code ?error=bad-tag}); the text is fixed here, so no request input
 * is ever echoed.
 */
public enum AdminFlash {
  SIGNED_IN(false, "Signed in."),
  SIGNED_OUT(false, "Signed out."),
  PURGED_MODEL(false, "The model's pages were purged; they render again on the next request."),
  PURGED_TAG(false, "The tag was purged; its pages render again on the next request."),
  REFRESHED(false, "Refresh finished; see the audit log for the result."),
  REFRESH_BUSY(false, "A refresh is already running; see the audit log when it ends."),
  BAD_MODEL(true, "That is not a valid model id: nothing was purged."),
  BAD_TAG(true, "A tag is 1 to 300 visible characters without spaces: nothing was purged."),
  PURGE_UNCONFIRMED(
      true,
      "The cluster did not confirm the purge (a node or the Terracotta server is out of reach): try again in a few seconds.");

  private final boolean error;
  private final String message;

  AdminFlash(boolean error, String message) {
    this.error = error;
    this.message = message;
  }

  /** The code in the redirect's query: {@code purged-model}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The query that shows this message: {@code done=purged-model} or {@code error=bad-tag}. */
  public String query() {
    return (error ? "error=" : "done=") + code();
  }

  /** The flash named by a request's {@code done} or {@code error} parameter, or null. */
  public static AdminFlash fromQuery(String done, String error) {
    for (AdminFlash flash : values()) {
      String given = flash.error ? error : done;
      if (flash.code().equals(given)) {
        return flash;
      }
    }
    return null;
  }

  public boolean isError() {
    return error;
  }

  public String getMessage() {
    return message;
  }
}
