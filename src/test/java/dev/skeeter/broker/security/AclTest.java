package dev.skeeter.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AclTest {
    private final Acl acl = parse(AclCaseTable.ACL);

    @Test
    void writesAreDecidedAsMosquittoDecides() {
        for (AclCaseTable.Write w : AclCaseTable.WRITES) {
            assertThat(acl.mayWrite(w.client().id(), w.client().username(), w.topic()))
                    .as("%s writes %s", w.client(), w.topic()).isEqualTo(w.allowed());
        }
    }

    @Test
    void readsAreDecidedAsMosquittoDecides() {
        for (AclCaseTable.Read r : AclCaseTable.READS) {
            assertThat(acl.mayRead(r.client().id(), r.client().username(), r.topic()))
                    .as("%s reads %s", r.client(), r.topic()).isEqualTo(r.allowed());
        }
    }

    @Test
    void aSubscriptionIsRefusedOnlyWhenItCanMatchNothingReadable() {
        assertThat(acl.maySubscribe("alice-1", "alice", "alice/#")).isTrue();
        assertThat(acl.maySubscribe("alice-1", "alice", "#")).isTrue();
        assertThat(acl.maySubscribe("alice-1", "alice", "+/news")).isTrue(); // alice/news
        assertThat(acl.maySubscribe("alice-1", "alice", "bob/#")).isFalse();
        assertThat(acl.maySubscribe("alice-1", "alice", "shared/private")).isFalse(); // denied outright
        assertThat(acl.maySubscribe("alice-1", "alice", "shared/+")).isTrue();
        assertThat(acl.maySubscribe("alice-1", "alice", "clients/alice-1/locked")).isFalse();
        assertThat(acl.maySubscribe("alice-1", "alice", "clients/bob-1/x")).isFalse();
        assertThat(acl.maySubscribe("alice-1", "alice", "users/alice/in")).isTrue();
        assertThat(acl.maySubscribe("alice-1", "alice", "$SYS/#")).isFalse();
        assertThat(acl.maySubscribe("watcher-1", "watcher", "$SYS/#")).isFalse(); // '#' never matches '$' topics
        assertThat(acl.maySubscribe("anon-1", null, "public/secret")).isFalse();
        assertThat(acl.maySubscribe("anon-1", null, "public/+")).isTrue();
        assertThat(acl.maySubscribe("sneaky+", "dave", "users/dave/in")).isFalse();
    }

    @Test
    void aClientWithoutASectionOrPatternsMayDoNothing() throws Exception {
        Acl onlyUsers = AclFile.parse("acl", List.of("user alice", "topic #"));
        assertThat(onlyUsers.mayWrite("c", "bob", "a")).isFalse();
        assertThat(onlyUsers.mayRead("c", null, "a")).isFalse();
        assertThat(onlyUsers.mayRead("c", "alice", "a")).isTrue();
    }

    @Test
    void badLinesAreNamedWithFileAndLine() {
        assertThatThrownBy(() -> AclFile.parse("acl", List.of("topic read", "topic rw a/b", "user", "topic a/#/b",
                "foo bar", "  # an indented comment is a comment", "topic read #")))
                .isInstanceOfSatisfying(SecurityFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "acl:2: invalid access type 'rw' (expected read, write, readwrite or deny)",
                        "acl:3: 'user' without a user name",
                        "acl:4: invalid topic filter 'a/#/b': '#' must be the last level, alone in it (a/#) [MQTT-4.7.1-2]",
                        "acl:5: unknown keyword 'foo' (expected user, topic or pattern)"));
    }

    @Test
    void filtersIntersectAndCoverAsTopicSets() {
        assertThat(FilterAlgebra.intersection("a/+", "+/b")).isEqualTo("a/b");
        assertThat(FilterAlgebra.intersection("a/#", "a")).isEqualTo("a");
        assertThat(FilterAlgebra.intersection("#", "x/+/z")).isEqualTo("x/+/z");
        assertThat(FilterAlgebra.intersection("a/b", "a/c")).isNull();
        assertThat(FilterAlgebra.intersection("a/+", "a/b/c")).isNull();
        assertThat(FilterAlgebra.intersection("#", "$SYS/x")).isNull();
        assertThat(FilterAlgebra.covers("a/#", "a/+/c")).isTrue();
        assertThat(FilterAlgebra.covers("a/+", "a/#")).isFalse();
        assertThat(FilterAlgebra.covers("+/b", "a/b")).isTrue();
        assertThat(FilterAlgebra.covers("a/b", "a/+")).isFalse();
        assertThat(FilterAlgebra.covers("#", "$SYS/#")).isFalse();
    }

    private static Acl parse(List<String> lines) {
        try {
            return AclFile.parse("acl", lines);
        } catch (SecurityFileException e) {
            throw new AssertionError(e);
        }
    }
}
