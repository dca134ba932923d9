package dev.skeeter.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path dir;

    @Test
    void newStoreHoldsOnlyTheLocalBroker() {
        ProfileStore store = ProfileStore.open(dir.resolve("profiles.json"));

        assertThat(store.profiles()).containsExactly(Profile.localBroker(1883));
        assertThat(store.isReadOnly()).isFalse();
        assertThat(store.problem()).isEmpty();
        assertThat(dir.resolve("profiles.json")).doesNotExist();
    }

    @Test
    void everyFieldOfEveryNestedRecordSurvivesARoundTrip() throws IOException {
        Path file = dir.resolve("profiles.json");
        Profile full = ProfileFixtures.everyFieldSet("p1");
        Profile plain = Profile.create("Plain", "localhost", 1883);

        ProfileStore.open(file).saveAll(List.of(full, plain));
        ProfileStore reopened = ProfileStore.open(file);

        assertThat(reopened.problem()).isEmpty();
        assertThat(reopened.profiles()).containsExactly(Profile.localBroker(1883), full, plain);
        assertThat(reopened.find("p1")).contains(full);
    }

    @Test
    void fileCarriesTheSchemaVersionAndNoDerivedProperties() throws IOException {
        Path file = dir.resolve("profiles.json");
        ProfileStore.open(file).saveAll(List.of(ProfileFixtures.everyFieldSet("p1")));

        String json = Files.readString(file);
        assertThat(json).contains("\"schemaVersion\" : 1").contains("\"profiles\"")
                .doesNotContain("localBroker").doesNotContain("\"set\"");
    }

    @Test
    void localBrokerIsPutBackWhenSavedWithoutItAndCannotBeDeleted() throws IOException {
        Path file = dir.resolve("profiles.json");
        ProfileStore store = ProfileStore.open(file);
        Profile other = Profile.create("Other", "h", 1);

        store.saveAll(List.of(other));

        assertThat(ProfileStore.open(file).profiles()).extracting(Profile::id)
                .containsExactly(Profile.LOCAL_BROKER_ID, other.id());
        assertThatThrownBy(() -> store.delete(Profile.LOCAL_BROKER_ID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localBrokerEditsAreKept() throws IOException {
        Path file = dir.resolve("profiles.json");
        Profile local = Profile.localBroker(1883).toBuilder().port(2883).build();

        ProfileStore.open(file).save(local);

        assertThat(ProfileStore.open(file).profiles()).containsExactly(local);
    }

    @Test
    void saveReplacesByIdAndDeleteRemoves() throws IOException {
        Path file = dir.resolve("profiles.json");
        ProfileStore store = ProfileStore.open(file);
        Profile a = Profile.create("A", "a", 1);
        store.save(a);
        store.save(a.toBuilder().name("A2").build());

        assertThat(ProfileStore.open(file).profiles()).extracting(Profile::name).containsExactly("Local broker", "A2");
        assertThat(store.delete(a.id())).isTrue();
        assertThat(store.delete(a.id())).isFalse();
        assertThat(ProfileStore.open(file).profiles()).hasSize(1);
    }

    @Test
    void corruptFileIsReportedByNameAndNeverOverwritten() throws IOException {
        Path file = dir.resolve("profiles.json");
        byte[] corrupt = "{\"schemaVersion\": 1, \"profiles\": [ {\"id\": ".getBytes(StandardCharsets.UTF_8);
        Files.write(file, corrupt);

        ProfileStore store = ProfileStore.open(file);

        assertThat(store.isReadOnly()).isTrue();
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains(file.toString()));
        assertThat(store.profiles()).containsExactly(Profile.localBroker(1883));
        assertThatThrownBy(() -> store.saveAll(List.of(Profile.create("x", "h", 1))))
                .isInstanceOf(JsonFileStore.ReadOnlyFileException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(corrupt);
    }

    @Test
    void newerSchemaOpensReadOnlyWithItsProfilesAndStaysUnchanged() throws IOException {
        Path file = dir.resolve("profiles.json");
        String newer = """
                {"schemaVersion": 7, "futureField": {"x": 1},
                 "profiles": [{"id": "n1", "name": "Newer", "host": "h", "port": 1884, "colour": "red"}]}
                """;
        Files.writeString(file, newer);

        ProfileStore store = ProfileStore.open(file);

        assertThat(store.isReadOnly()).isTrue();
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains(file.toString()).contains("newer"));
        assertThat(store.profiles()).extracting(Profile::name).containsExactly("Local broker", "Newer");
        assertThatThrownBy(() -> store.save(Profile.create("x", "h", 1))).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo(newer);
    }

    @Test
    void exportLeavesOutEverySecretUnlessAsked() throws IOException {
        ProfileStore store = ProfileStore.open(dir.resolve("profiles.json"));
        Profile full = ProfileFixtures.everyFieldSet("p1");

        store.exportTo(dir.resolve("plain.json"), List.of(full), false);
        store.exportTo(dir.resolve("secret.json"), List.of(full), true);

        String plain = Files.readString(dir.resolve("plain.json"));
        assertThat(plain).contains("alice", "/etc/client.key", "socks.example.com", "bob")
                .doesNotContain("s3cret", "trustpw", "keypass", "storepw", "proxypw");
        assertThat(Files.readString(dir.resolve("secret.json")))
                .contains("s3cret", "trustpw", "keypass", "storepw", "proxypw");

        ProfileStore other = ProfileStore.open(dir.resolve("other.json"));
        Profile imported = other.importFrom(dir.resolve("plain.json")).get(0);
        assertThat(ProfileSecrets.hasSecrets(imported)).isFalse();
        assertThat(imported.credentials().username()).isEqualTo("alice");
        assertThat(imported.credentials().savePassword()).as("password is asked at connect").isFalse();
        assertThat(imported).isEqualTo(ProfileSecrets.strip(full));
    }

    @Test
    void exportReplacesTheChosenFileWhateverItHeld() throws IOException {
        Path target = dir.resolve("export.json");
        Files.writeString(target, "notes, not JSON");

        ProfileStore.open(dir.resolve("profiles.json")).exportTo(target, List.of(Profile.create("A", "a", 1)), false);

        assertThat(Files.readString(target)).contains("\"name\" : \"A\"");
    }

    @Test
    void importGivesNewIdsOnlyToCollidingProfilesAndSkipsTheLocalBroker() throws IOException {
        Profile existing = ProfileFixtures.everyFieldSet("same-id");
        Profile fresh = Profile.create("Fresh", "f", 1);
        ProfileStore source = ProfileStore.open(dir.resolve("source.json"));
        source.exportTo(dir.resolve("export.json"),
                List.of(Profile.localBroker(1883), existing, fresh, fresh.toBuilder().name("Fresh twin").build()),
                true);
        ProfileStore target = ProfileStore.open(dir.resolve("target.json"));
        target.save(existing);

        List<Profile> added = target.importFrom(dir.resolve("export.json"));

        assertThat(added).extracting(Profile::name).containsExactly(existing.name(), "Fresh", "Fresh twin");
        assertThat(added.get(0).id()).isNotEqualTo("same-id");
        assertThat(added.get(0).toBuilder().id("same-id").build()).isEqualTo(existing);
        assertThat(added.get(1).id()).isEqualTo(fresh.id());
        assertThat(added.get(2).id()).isNotEqualTo(fresh.id());
        assertThat(ProfileStore.open(dir.resolve("target.json")).profiles()).extracting(Profile::id)
                .doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void importOfAnUnreadableFileNamesIt() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "not json");
        ProfileStore store = ProfileStore.open(dir.resolve("profiles.json"));

        assertThatThrownBy(() -> store.importFrom(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining(bad.toString());
        assertThatThrownBy(() -> store.importFrom(dir.resolve("missing.json"))).isInstanceOf(IOException.class)
                .hasMessageContaining("missing.json");
    }
}
