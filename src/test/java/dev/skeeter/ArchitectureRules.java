package dev.skeeter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering rules, for a code base rooted at {@code base}: {@link ArchitectureTest} runs them on Skeeter
 * ({@code dev.skeeter}), and on a fixture code base that breaks each of them, to show every rule can fail.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** MQTT's rules live in a package that needs the JDK and nothing else, so every part of Skeeter can use it. */
    static ArchRule mqttNeedsOnlyTheJdk(String base) {
        return classes().that().resideInAPackage(base + ".mqtt..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", base + ".mqtt..");
    }

    /** View-models hold state and actions; nodes belong to views, so view-models stay testable without a screen. */
    static ArchRule viewModelsNeverTouchTheSceneGraph(String base) {
        return noClasses().that().resideInAPackage(base + "..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..");
    }

    /** transport ← protocol ← session ← routing: each layer uses the ones below it, none reaches back up. */
    static ArchRule brokerInternalsLayerOneWay(String base) {
        String internal = base + ".broker.internal.";
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("transport").definedBy(internal + "transport..")
                .layer("protocol").definedBy(internal + "protocol..")
                .layer("session").definedBy(internal + "session..")
                .layer("routing").definedBy(internal + "routing..")
                .whereLayer("transport").mayNotBeAccessedByAnyLayer()
                .whereLayer("protocol").mayOnlyBeAccessedByLayers("transport")
                .whereLayer("session").mayOnlyBeAccessedByLayers("transport", "protocol")
                .whereLayer("routing").mayOnlyBeAccessedByLayers("transport", "protocol", "session");
    }

    /** Classes that belong to one layer live in it. */
    static List<ArchRule> classesLiveInTheirLayer(String base) {
        String internal = base + ".broker.internal.";
        return List.of(
                classes().that().haveSimpleName("MalformedPacketException")
                        .should().resideInAPackage(internal + "protocol"),
                classes().that().haveSimpleName("Router").and().resideInAPackage(base + "..")
                        .should().resideInAPackage(internal + "routing"));
    }
}
