package dev.skeeter.ui.log;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogViewModelTest {
    private final LogViewModel log = new LogViewModel(100, Runnable::run);

    @Test
    void levelFilterShowsThatLevelAndWorse() {
        log.addAll(List.of(entry(LogLevel.INFO, "connected"), entry(LogLevel.WARN, "slow"),
                entry(LogLevel.ERROR, "lost")));

        log.minimumLevelProperty().set(LogLevel.WARN);
        assertThat(log.visibleEntries()).extracting(LogEntry::text).containsExactly("slow", "lost");
        log.minimumLevelProperty().set(LogLevel.ERROR);
        assertThat(log.visibleEntries()).extracting(LogEntry::text).containsExactly("lost");
        log.minimumLevelProperty().set(LogLevel.INFO);
        assertThat(log.visibleEntries()).hasSize(3);
    }

    @Test
    void oldestLinesGoPastTheCapacity() {
        for (int i = 0; i < 150; i++) {
            log.add(entry(LogLevel.INFO, "line " + i));
        }
        assertThat(log.allEntries()).hasSize(100);
        assertThat(log.allEntries().get(0).text()).isEqualTo("line 50");
    }

    @Test
    void copiedTextHasTimeLevelAndText() {
        String text = LogViewModel.asText(List.of(entry(LogLevel.WARN, "slow")));
        assertThat(text).matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  slow\\R");
    }

    @Test
    void saveWritesTheVisibleLines(@TempDir Path dir) throws Exception {
        log.addAll(List.of(entry(LogLevel.INFO, "connected"), entry(LogLevel.ERROR, "lost")));
        log.minimumLevelProperty().set(LogLevel.ERROR);

        Path file = log.saveVisible(dir.resolve("log.txt")).get(5, SECONDS);

        assertThat(Files.readString(file)).contains("ERROR lost").doesNotContain("connected");
    }

    @Test
    void levelNamesFromOtherLibrariesMapOntoOurs() {
        assertThat(LogLevel.of("WARNING")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.of("error")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.of("DEBUG")).isEqualTo(LogLevel.INFO);
    }

    private static LogEntry entry(LogLevel level, String text) {
        return new LogEntry(Instant.now(), level, text);
    }
}
