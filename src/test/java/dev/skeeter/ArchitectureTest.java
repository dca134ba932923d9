package dev.skeeter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core free of JavaFX, the broker's internals behind its embedding API and layered one way, MQTT's rules
 * on the JDK alone, and view-models off the scene graph. {@code ArchitectureRulesFailTest} shows each new rule
 * failing on a code base that breaks it.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.skeeter");
    }

    @Test
    void coreNeverImportsJavaFx() {
        noClasses()
                .that().resideInAnyPackage("dev.skeeter.broker..", "dev.skeeter.client..", "dev.skeeter.profiles..",
                        "dev.skeeter.certs..", "dev.skeeter.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheBrokerReachesIntoItsInternals() {
        noClasses()
                .that().resideOutsideOfPackages("dev.skeeter.broker..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skeeter.broker.internal..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void mqttRulesNeedOnlyTheJdk() {
        ArchitectureRules.mqttNeedsOnlyTheJdk("dev.skeeter").check(classes);
    }

    @Test
    void viewModelsNeverImportTheSceneGraph() {
        ArchitectureRules.viewModelsNeverTouchTheSceneGraph("dev.skeeter").check(classes);
    }

    @Test
    void brokerInternalsLayerOneWay() {
        ArchitectureRules.brokerInternalsLayerOneWay("dev.skeeter").check(classes);
        ArchitectureRules.classesLiveInTheirLayer("dev.skeeter").forEach(rule -> rule.check(classes));
    }

    @Test
    void theRulesSeeTheWholeCodeBase() {
        org.assertj.core.api.Assertions.assertThat(classes.contain(Main.class)).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain(dev.skeeter.cli.SkeeterCommand.class)).isTrue();
    }
}
