package org.redgovernance.testing;

import java.util.Properties;

/** How to reach the shared test servers. */
public record TestStackInfo(
    long daemonPid,
    String jdbcUrl,
    String issuer,
    String tokenEndpoint,
    int keycloakPort,
    String personalDataKey,
    String mailFolder,
    int mailPort) {

  Properties toProperties() {
    Properties properties = new Properties();
    properties.setProperty("daemonPid", Long.toString(daemonPid));
    properties.setProperty("jdbcUrl", jdbcUrl);
    properties.setProperty("issuer", issuer);
    properties.setProperty("tokenEndpoint", tokenEndpoint);
    properties.setProperty("keycloakPort", Integer.toString(keycloakPort));
    properties.setProperty("personalDataKey", personalDataKey);
    properties.setProperty("mailFolder", mailFolder);
    properties.setProperty("mailPort", Integer.toString(mailPort));
    return properties;
  }

  static TestStackInfo from(Properties properties) {
    return new TestStackInfo(
        Long.parseLong(properties.getProperty("daemonPid")),
        properties.getProperty("jdbcUrl"),
        properties.getProperty("issuer"),
        properties.getProperty("tokenEndpoint"),
        Integer.parseInt(properties.getProperty("keycloakPort")),
        properties.getProperty("personalDataKey"),
        properties.getProperty("mailFolder"),
        Integer.parseInt(properties.getProperty("mailPort")));
  }
}
