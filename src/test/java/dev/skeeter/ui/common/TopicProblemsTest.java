package dev.skeeter.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicProblemsTest {
    @Test
    void wildcardTopicsAreRefusedForPublishing() {
        assertThat(TopicProblems.ofTopicName("a/+/c")).get().asString().contains("wildcards");
        assertThat(TopicProblems.ofTopicName("a/#")).isPresent();
        assertThat(TopicProblems.ofTopicName("")).isPresent();
        assertThat(TopicProblems.ofTopicName("a/b c/ü")).isEmpty();
    }

    @Test
    void filtersFollowTheWildcardRules() {
        assertThat(TopicProblems.ofFilter("#")).isEmpty();
        assertThat(TopicProblems.ofFilter("a/+/c/#")).isEmpty();
        assertThat(TopicProblems.ofFilter("a/#/c")).get().asString().contains("last");
        assertThat(TopicProblems.ofFilter("a/b#")).isPresent();
        assertThat(TopicProblems.ofFilter("a+/b")).get().asString().contains("whole level");
        assertThat(TopicProblems.ofFilter("a\u0000b")).isPresent();
    }

    @Test
    void topicsSeenSuggestsPrefixMatchesFirstAndForgetsTheOldest() {
        TopicsSeen seen = new TopicsSeen(3);
        seen.add("home/kitchen");
        seen.add("office/home");
        seen.add("home/hall");
        seen.add("garage");
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.suggest("home", 10)).containsExactly("home/hall", "office/home");
        assertThat(seen.suggest(" ", 10)).isEmpty();
    }
}
