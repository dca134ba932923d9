package dev.skeeter.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void missingFileGivesDefaults() {
        AppStateStore store = AppStateStore.open(dir.resolve("state.json"));

        assertThat(store.state()).isEqualTo(AppState.empty());
        assertThat(store.state().window().hasPosition()).isFalse();
        assertThat(store.state().messageTableRowLimit()).isEqualTo(AppState.DEFAULT_MESSAGE_TABLE_ROW_LIMIT);
    }

    @Test
    void everyPartOfTheStateSurvivesARoundTrip() throws IOException {
        Path file = dir.resolve("state.json");
        AppState state = AppState.empty()
                .withSavedMessages("p1", List.of(
                        new AppState.SavedMessage("hello", "a/b", "{\"x\":1}", 2, true, "JSON"),
                        new AppState.SavedMessage("bye", "c", "", 0, false)))
                .withTopicUsed("p1", "first", 10)
                .withTopicUsed("p1", "second", 10)
                .withTopicUsed("p2", "other", 10)
                .withSubscriptionColour("p1", "sensors/#", "#3f7fbf")
                .withSubscriptionColour("p1", "+/status", "#bf3f3f")
                .withWindow(new AppState.WindowLayout(-1280.0, 40.5, 1400, 900, true,
                        Map.of("main", List.of(0.25), "workspace", List.of(0.3, 0.7))))
                .withOpenWorkspaces(List.of("p2", "p1"))
                .withLastProfileId("p1")
                .withTheme("dark")
                .withMessageTableRowLimit(5000);

        AppStateStore.open(file).save(state);
        AppState loaded = AppStateStore.open(file).state();

        assertThat(loaded).isEqualTo(state);
        assertThat(loaded.topicHistory("p1")).containsExactly("second", "first");
        assertThat(loaded.window().hasPosition()).isTrue();
        assertThat(Files.readString(file)).contains("\"schemaVersion\" : 1");
        assertThat(loaded.savedMessages("p1")).extracting(AppState.SavedMessage::format).containsExactly("JSON", "TEXT");
    }

    @Test
    void aSavedMessageWithoutAFormatFieldReadsAsText() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "savedMessages": {"p1": [
                  {"name": "old", "topic": "a", "payload": "hello", "qos": 1, "retain": true},
                  {"name": "new", "topic": "b", "payload": "01 02", "qos": 0, "retain": false, "format": "HEX",
                   "colour": "ignored"}]}}
                """);

        AppState state = AppStateStore.open(file).state();

        assertThat(state.savedMessages("p1")).containsExactly(
                new AppState.SavedMessage("old", "a", "hello", 1, true, "TEXT"),
                new AppState.SavedMessage("new", "b", "01 02", 0, false, "HEX"));
    }

    @Test
    void topicHistoryMovesReusedTopicsFirstAndIsBounded() {
        AppState s = AppState.empty();
        for (String t : List.of("a", "b", "c", "a", "d")) {
            s = s.withTopicUsed("p", t, 3);
        }

        assertThat(s.topicHistory("p")).containsExactly("d", "a", "c");
    }

    @Test
    void updateAppliesAndWrites() throws IOException {
        Path file = dir.resolve("state.json");
        AppStateStore store = AppStateStore.open(file);

        store.update(s -> s.withTheme("light"));

        assertThat(AppStateStore.open(file).state().theme()).isEqualTo("light");
    }

    @Test
    void corruptStateFileIsLeftAloneButTheAppKeepsItsChangesInMemory() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{ broken");
        AppStateStore store = AppStateStore.open(file);

        assertThat(store.isReadOnly()).isTrue();
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains(file.toString()));
        assertThatThrownBy(() -> store.update(s -> s.withTheme("dark"))).isInstanceOf(IOException.class);
        assertThat(store.state().theme()).isEqualTo("dark");
        assertThat(Files.readString(file)).isEqualTo("{ broken");
    }

    @Test
    void fieldsAddedByANewerMinorVersionAreIgnored() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "theme": "dark", "sparkles": true,
                 "window": {"x": 1, "y": 2, "width": 3, "height": 4, "maximized": false, "fullScreen": true}}
                """);

        AppStateStore store = AppStateStore.open(file);

        assertThat(store.isReadOnly()).isFalse();
        assertThat(store.state().theme()).isEqualTo("dark");
        assertThat(store.state().window().width()).isEqualTo(3);
    }
}
