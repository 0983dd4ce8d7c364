/**
 * The composition root: reads the settings, builds the object graph by hand (plain Tomcat has no
 * CDI) and publishes it for Jersey, servlets and filters. Depends on every feature; nothing depends
 * on it.
 */
package com.gatewayz.modelpages.boot;
