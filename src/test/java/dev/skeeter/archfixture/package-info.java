/**
 * A tiny code base that breaks every rule of {@code ArchitectureRules} on purpose, so the rules are seen to fail.
 * Nothing uses it.
 */
package dev.skeeter.archfixture;
