/**
 * mosquitto's security files, readable and writable by programs: password files ({@link PasswordFile}, with
 * {@link PasswordHash}) as {@code mosquitto_passwd} writes them, and ACL files ({@link AclFile}, evaluated by
 * {@link Acl}) with mosquitto 2's decisions. Plain JDK code; every class is immutable or says otherwise.
 */
package dev.skeeter.broker.security;
