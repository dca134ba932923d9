/**
 * MQTT 3.1/3.1.1's own rules, in one place and on the JDK alone: topic names and filters (validation, matching,
 * {@code $} topics) and the PUBLISH frame. The broker, the client, the app and the bench all call this package;
 * it depends on nothing else of Skeeter's ({@code ArchitectureTest} keeps it so).
 */
package dev.skeeter.mqtt;
