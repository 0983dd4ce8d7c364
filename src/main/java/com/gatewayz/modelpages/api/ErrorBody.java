package com.gatewayz.modelpages.api;

/** The JSON body of every API error: {@code {"error":"..."}}. */
public record ErrorBody(String error) {}
