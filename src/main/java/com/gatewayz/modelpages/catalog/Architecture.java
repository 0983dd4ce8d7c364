package com.gatewayz.modelpages.catalog;

import java.util.List;

/** What a model takes in and puts out ("text", "image", "audio", "file", "video"). */
public record Architecture(List<String> inputModalities, List<String> outputModalities) {

  public static final Architecture TEXT = new Architecture(List.of("text"), List.of("text"));

  public Architecture {
    inputModalities = inputModalities == null ? List.of() : List.copyOf(inputModalities);
    outputModalities = outputModalities == null ? List.of() : List.copyOf(outputModalities);
  }
}
