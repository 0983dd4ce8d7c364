package com.gatewayz.modelpages.platform;

/** A setting has a value the application cannot run with; the message names both. */
public final class InvalidSettingException extends IllegalArgumentException {

  public InvalidSettingException(String name, String value, String expected) {
    super("Invalid setting " + name + "='" + value + "': expected " + expected);
  }

  /** For secrets: names the setting, never echoes its value. */
  public static InvalidSettingException secret(String name, String expected) {
    return new InvalidSettingException(name, "<hidden>", expected);
  }
}
