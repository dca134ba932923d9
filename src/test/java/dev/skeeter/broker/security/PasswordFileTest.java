package dev.skeeter.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {
    @TempDir
    Path dir;

    @Test
    void loadsUsersSkippingCommentsAndBlankLines() throws Exception {
        Path file = dir.resolve("pw");
        Files.write(file, List.of("# users", "", "alice:" + PasswordHash.create("a", PasswordHash.Type.SHA512, 1),
                "  bob : " + PasswordHash.create("b", PasswordHash.Type.SHA512_PBKDF2, 10)));
        var users = PasswordFile.load(file);
        assertThat(users).containsOnlyKeys("alice", "bob");
        assertThat(users.get("bob").matches("b".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void everyMalformedLineIsNamedWithFileAndLine() throws Exception {
        Path file = dir.resolve("pw");
        Files.write(file, List.of("alice:plain", "no colon here", "carol:$7$x$y$z", "dave:"));
        assertThatThrownBy(() -> PasswordFile.load(file))
                .isInstanceOfSatisfying(SecurityFileException.class, e -> assertThat(e.problems()).containsExactly(
                        file + ":1: the password of 'alice' is not hashed; hash the file with 'skeeter passwd -U "
                                + file + "'",
                        file + ":2: expected 'username:password hash'",
                        file + ":3: the password hash of 'carol' is invalid: invalid iteration count 'x'",
                        file + ":4: expected 'username:password hash'"));
    }

    @Test
    void editingKeepsCommentsOrderAndTheFilesMode() throws Exception {
        Path file = dir.resolve("pw");
        Files.write(file, List.of("# team", "alice:a", "bob:b"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        PasswordFile passwords = PasswordFile.edit(file);
        assertThat(passwords.hashPlainPasswords(PasswordHash.Type.SHA512_PBKDF2, 101)).isEqualTo(2);
        passwords.put("carol", PasswordHash.create("c", PasswordHash.Type.SHA512_PBKDF2, 101));
        assertThat(passwords.remove("alice")).isTrue();
        assertThat(passwords.remove("zed")).isFalse();
        passwords.save();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("# team");
        assertThat(lines.get(1)).startsWith("bob:$7$101$");
        assertThat(lines.get(2)).startsWith("carol:$7$101$");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(PasswordFile.load(file)).containsOnlyKeys("bob", "carol");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void aNewFileIsOnlyForItsOwner() throws Exception {
        Path file = dir.resolve("new");
        PasswordFile passwords = PasswordFile.create(file);
        passwords.put("alice", PasswordHash.create("a", PasswordHash.Type.SHA512_PBKDF2, 101));
        passwords.save();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PasswordFile.edit(file).usernames()).containsExactly("alice");
    }

    @Test
    void usernamesFollowMosquittoPasswdsRules() {
        assertThat(PasswordFile.usernameProblem("alice")).isNull();
        assertThat(PasswordFile.usernameProblem("a:b")).contains("':'");
        assertThat(PasswordFile.usernameProblem("a\tb")).contains("control characters");
    }
}
