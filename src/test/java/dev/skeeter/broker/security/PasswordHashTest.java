package dev.skeeter.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    /** Written by Debian's mosquitto_passwd 2.0.11: {@code -H sha512} for alice, the default for bob. */
    private static final String ALICE_SHA512 = "$6$Vu09KV1oKQbhCUxv$AST7vemAL3XF69Vhu/ylpT+D5DLHyvuzSBJZuyV1Ac8QnJIa69cf"
            + "+97yLwhacM2L5qeT47kKgtdr6BU8UEwYTg==";
    private static final String BOB_PBKDF2 = "$7$101$ryv9XF/46rAZRH2A$iLGYaG+T1wgSldhOBcWCW2md5+GnDvzhT9Q977yXEZc0F6/T"
            + "+fb3d+HPjusS9t72czfllFH5UvMQqVgLm1xsrQ==";

    @Test
    void verifiesHashesWrittenByMosquittoPasswd() {
        PasswordHash alice = PasswordHash.parse(ALICE_SHA512);
        assertThat(alice.type()).isEqualTo(PasswordHash.Type.SHA512);
        assertThat(alice.matches(bytes("secret"))).isTrue();
        assertThat(alice.matches(bytes("Secret"))).isFalse();
        PasswordHash bob = PasswordHash.parse(BOB_PBKDF2);
        assertThat(bob.type()).isEqualTo(PasswordHash.Type.SHA512_PBKDF2);
        assertThat(bob.iterations()).isEqualTo(101);
        assertThat(bob.matches(bytes("s3cret"))).isTrue();
        assertThat(bob.matches(bytes(""))).isFalse();
    }

    @Test
    void printsWhatItParsed() {
        assertThat(PasswordHash.parse(ALICE_SHA512)).hasToString(ALICE_SHA512);
        assertThat(PasswordHash.parse(BOB_PBKDF2)).hasToString(BOB_PBKDF2);
    }

    @Test
    void newHashesUseAFreshSaltAndTheirIterationCount() {
        PasswordHash one = PasswordHash.create("pässword", PasswordHash.Type.SHA512_PBKDF2, 1000);
        PasswordHash two = PasswordHash.create("pässword", PasswordHash.Type.SHA512_PBKDF2, 1000);
        assertThat(one).isNotEqualTo(two);
        assertThat(one.toString()).startsWith("$7$1000$");
        assertThat(PasswordHash.parse(one.toString()).matches(bytes("pässword"))).isTrue();
        PasswordHash sha = PasswordHash.create("x", PasswordHash.Type.SHA512, 500);
        assertThat(sha.toString()).startsWith("$6$");
        assertThat(PasswordHash.parse(sha.toString()).matches(bytes("x"))).isTrue();
    }

    @Test
    void badHashesSayWhatIsWrong() {
        assertThatThrownBy(() -> PasswordHash.parse("secret")).hasMessageContaining("not a hashed password");
        assertThatThrownBy(() -> PasswordHash.parse("$5$abc$def")).hasMessageContaining("unknown hash type $5$");
        assertThatThrownBy(() -> PasswordHash.parse("$7$0$" + BOB_PBKDF2.substring(8)))
                .hasMessageContaining("iteration count '0'");
        assertThatThrownBy(() -> PasswordHash.parse("$6$c2FsdA==$"
                + ALICE_SHA512.substring(ALICE_SHA512.lastIndexOf('$') + 1)))
                .hasMessageContaining("salt is 4 bytes");
        assertThatThrownBy(() -> PasswordHash.parse("$6$Vu09KV1oKQbhCUxv$!!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> PasswordHash.create("x", PasswordHash.Type.SHA512_PBKDF2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
