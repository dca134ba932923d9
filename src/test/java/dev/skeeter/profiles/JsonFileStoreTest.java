package dev.skeeter.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileStoreTest {
    @TempDir
    Path dir;

    record Note(String text, List<Integer> numbers) {
        static Note empty() {
            return new Note("", List.of());
        }
    }

    /** A value whose serialisation fails, to show a failed save leaves the old file alone. */
    record Bomb(@JsonSerialize(using = Exploding.class) String fuse) {
    }

    static final class Exploding extends JsonSerializer<String> {
        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            throw new IOException("boom");
        }
    }

    private JsonFileStore<Note> store(Path file) {
        return new JsonFileStore<>(file, Note.class, 2, Note::empty);
    }

    @Test
    void missingFileLoadsEmptyAndWritable() {
        var loaded = store(dir.resolve("n.json")).load();

        assertThat(loaded).isEqualTo(new JsonFileStore.Loaded<>(Note.empty(), false, java.util.Optional.empty()));
    }

    @Test
    void savedValueLoadsBackWithTheSchemaVersionFirstInTheFile() throws IOException {
        Path file = dir.resolve("sub/dir/n.json");
        Note note = new Note("hello \u2603", List.of(1, 2, 3));

        store(file).save(note);

        assertThat(store(file).load().value()).isEqualTo(note);
        assertThat(Files.readString(file)).startsWith("{\n  \"schemaVersion\" : 2,");
    }

    @Test
    void savedFileIsOwnerReadWriteOnlyAndNoTempFileRemains() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("n.json");
        Files.writeString(file, "{\"schemaVersion\":2,\"text\":\"old\",\"numbers\":[]}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        store(file).save(new Note("new", List.of()));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(filesIn(dir)).containsExactly("n.json");
    }

    @Test
    void createdConfigDirectoryIsOwnerOnly() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("fresh/n.json");

        store(file).save(Note.empty());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void failingSerialisationLeavesTheOldFileIntact() throws IOException {
        Path file = dir.resolve("b.json");
        String old = "{\"schemaVersion\":1,\"fuse\":\"old\"}";
        Files.writeString(file, old);
        var bombs = new JsonFileStore<>(file, Bomb.class, 1, () -> new Bomb(""));

        assertThatThrownBy(() -> bombs.save(new Bomb("lit"))).hasStackTraceContaining("boom");

        assertThat(Files.readString(file)).isEqualTo(old);
        assertThat(filesIn(dir)).containsExactly("b.json");
    }

    @Test
    void writeFailingHalfWayLeavesTheOldFileIntactAndRemovesTheTempFile() throws IOException {
        Path file = dir.resolve("n.json");
        store(file).save(new Note("old", List.of(1)));
        byte[] before = Files.readAllBytes(file);
        var failing = new JsonFileStore<>(file, Note.class, 2, Note::empty, out -> new FailAfter(out, 10));

        assertThatThrownBy(() -> failing.save(new Note("new and much longer than ten bytes", List.of(4, 5))))
                .isInstanceOf(IOException.class).hasMessageContaining("disk full");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly("n.json");
    }

    @Test
    void unparsableFileIsReportedWithItsNameAndWhereAndSaveRefuses() throws IOException {
        Path file = dir.resolve("n.json");
        byte[] corrupt = "{\"schemaVersion\": 2,\n \"text\": oops}".getBytes();
        Files.write(file, corrupt);

        var loaded = store(file).load();

        assertThat(loaded.readOnly()).isTrue();
        assertThat(loaded.value()).isEqualTo(Note.empty());
        assertThat(loaded.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains(file.toString()).contains("not valid JSON").contains("line 2"));
        assertThatThrownBy(() -> store(file).save(new Note("x", List.of())))
                .isInstanceOf(JsonFileStore.ReadOnlyFileException.class).hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(corrupt);
    }

    @Test
    void wrongShapesAreProblemsToo() throws IOException {
        Path file = dir.resolve("n.json");
        for (String content : List.of("", "[1,2]", "{\"text\":\"no version\"}",
                "{\"schemaVersion\":2,\"numbers\":\"not a list\"}")) {
            Files.writeString(file, content);

            var loaded = store(file).load();

            assertThat(loaded.readOnly()).as(content).isTrue();
            assertThat(loaded.problem()).as(content).hasValueSatisfying(p -> assertThat(p).contains(file.toString()));
        }
    }

    @Test
    void newerSchemaIsReadLenientlyButReadOnly() throws IOException {
        Path file = dir.resolve("n.json");
        String newer = "{\"schemaVersion\":3,\"text\":\"future\",\"numbers\":[9],\"added\":true}";
        Files.writeString(file, newer);

        var loaded = store(file).load();

        assertThat(loaded.value()).isEqualTo(new Note("future", List.of(9)));
        assertThat(loaded.readOnly()).isTrue();
        assertThat(loaded.problem()).hasValueSatisfying(p -> assertThat(p).contains("newer").contains("read-only"));
        assertThatThrownBy(() -> store(file).save(new Note("x", List.of()))).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo(newer);
    }

    @Test
    void olderSchemaWithUnknownFieldsIsWritable() throws IOException {
        Path file = dir.resolve("n.json");
        Files.writeString(file, "{\"schemaVersion\":1,\"text\":\"old\",\"gone\":1}");

        var loaded = store(file).load();

        assertThat(loaded.readOnly()).isFalse();
        assertThat(loaded.value().text()).isEqualTo("old");
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Simulates a full disk after {@code limit} bytes. */
    private static final class FailAfter extends FilterOutputStream {
        private int left;

        FailAfter(OutputStream out, int limit) {
            super(out);
            left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("disk full");
            }
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }
}
