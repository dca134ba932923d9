package dev.skeeter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ArchitectureRules} fails on the fixture code base that breaks it, naming the culprit. */
class ArchitectureRulesFailTest {
    private static final String FIXTURE = "dev.skeeter.archfixture";
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void mqttDependingOnOurCodeFails() {
        assertThatThrownBy(() -> ArchitectureRules.mqttNeedsOnlyTheJdk(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TopicsThatConnect")
                .hasMessageContaining("archfixture.client.Connection");
    }

    @Test
    void aViewModelImportingTheSceneGraphFails() {
        assertThatThrownBy(() -> ArchitectureRules.viewModelsNeverTouchTheSceneGraph(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LabelViewModel")
                .hasMessageContaining("javafx.scene.control.Label");
    }

    @Test
    void aLayerReachingBackUpFails() {
        assertThatThrownBy(() -> ArchitectureRules.brokerInternalsLayerOneWay(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("protocol.Handler")
                .hasMessageContaining("routing.Trie");
    }

    @Test
    void classesOutsideTheirLayerFail() {
        var rules = ArchitectureRules.classesLiveInTheirLayer(FIXTURE);
        assertThatThrownBy(() -> rules.get(0).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("transport.MalformedPacketException");
        assertThatThrownBy(() -> rules.get(1).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("session.Router");
    }
}
