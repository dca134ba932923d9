package dev.skeeter.ui.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skeeter.client.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTreeTest {
    static ReceivedMessage msg(String topic, String payload) {
        return msg(topic, payload, false);
    }

    static ReceivedMessage msg(String topic, String payload, boolean retained) {
        return new ReceivedMessage(Instant.now(), topic, 0, retained, false,
                payload.getBytes(StandardCharsets.UTF_8), List.of("#"));
    }

    @Test
    void eachLevelIsANodeCountingItselfAndBelow() {
        TopicTree tree = new TopicTree();
        List<TopicNode> created = tree.apply(List.of(msg("home/kitchen/temp", "21"), msg("home/kitchen/temp", "22"),
                msg("home/hall", "on"), msg("home", "root")), 0);

        assertThat(created).extracting(TopicNode::topic)
                .containsExactly("home", "home/kitchen", "home/kitchen/temp", "home/hall");
        TopicNode home = tree.find("home");
        assertThat(home.totalCount()).isEqualTo(4);
        assertThat(home.ownCount()).isEqualTo(1);
        assertThat(tree.find("home/kitchen").totalCount()).isEqualTo(2);
        assertThat(tree.find("home/kitchen").last()).isNull();
        assertThat(new String(tree.find("home/kitchen/temp").last().payload(), StandardCharsets.UTF_8))
                .isEqualTo("22");
        assertThat(new String(tree.find("home/kitchen/temp").previous().payload(), StandardCharsets.UTF_8))
                .isEqualTo("21");
        assertThat(home.sortedChildren()).extracting(TopicNode::name).containsExactly("hall", "kitchen");
        assertThat(tree.size()).isEqualTo(4);
        assertThat(tree.messages()).isEqualTo(4);
        assertThat(tree.root().totalCount()).isEqualTo(4);
    }

    @Test
    void emptyLevelsAndLeadingSlashesAreLevelsOfTheirOwn() {
        TopicTree tree = new TopicTree();
        tree.apply(List.of(msg("/a", "x"), msg("a//b", "y")), 0);

        assertThat(tree.root().sortedChildren()).extracting(TopicNode::name).containsExactly("", "a");
        assertThat(tree.find("/a").topic()).isEqualTo("/a");
        assertThat(tree.find("a//b").parent().name()).isEmpty();
        assertThat(tree.find("a/b")).isNull();
    }

    @Test
    void messagesBeyondTheNodeCapAreCountedNotKept() {
        TopicTree tree = new TopicTree(3, 5);
        tree.apply(List.of(msg("a/b", "1"), msg("c/d", "2"), msg("a/b", "3"), msg("a/e", "4")), 0);

        assertThat(tree.size()).isEqualTo(3); // a, a/b, a/e: c/d needs two and only one was left
        assertThat(tree.notKept()).isEqualTo(1);
        assertThat(tree.messages()).isEqualTo(3);
        assertThat(tree.find("c")).isNull();

        tree.setMaxNodes(10);
        tree.apply(List.of(msg("c/d", "5")), 0);
        assertThat(tree.find("c/d").ownCount()).isEqualTo(1);
        assertThatThrownBy(() -> tree.setMaxNodes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void historyIsBoundedPerTopicAndShortensWhenTheCapDoes() {
        TopicTree tree = new TopicTree(100, 3);
        List<ReceivedMessage> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(msg("t", Integer.toString(i)));
        }
        tree.apply(batch, 0);
        assertThat(tree.find("t").history()).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("7", "8", "9");
        assertThat(tree.find("t").ownCount()).isEqualTo(10);

        tree.setHistoryPerNode(1);
        assertThat(tree.find("t").history()).hasSize(1);
        assertThat(tree.find("t").previous()).isNull();
    }

    @Test
    void retainedMarkerFollowsTheRetainFlagAndEmptyPayloadsClearIt() {
        TopicTree tree = new TopicTree();
        tree.apply(List.of(msg("r/1", "kept", true), msg("r/2", "live")), 0);
        assertThat(tree.find("r/1").retained()).isTrue();
        assertThat(tree.find("r/2").retained()).isFalse();
        assertThat(tree.retainedUnder(tree.find("r"))).extracting(TopicNode::topic).containsExactly("r/1");

        tree.apply(List.of(msg("r/1", "")), 0);
        assertThat(tree.find("r/1").retained()).isFalse();
        assertThat(tree.retainedUnder(tree.root())).isEmpty();
    }

    @Test
    void changeTimeMovesOnlyWhenThePayloadChanges() {
        TopicTree tree = new TopicTree();
        tree.apply(List.of(msg("t", "1")), 100);
        tree.apply(List.of(msg("t", "1")), 200);
        assertThat(tree.find("t").changedNanos()).isEqualTo(100);
        tree.apply(List.of(msg("t", "2")), 300);
        assertThat(tree.find("t").changedNanos()).isEqualTo(300);
        assertThat(TopicsViewModel.highlighted(tree.find("t"), 300 + TopicsViewModel.HIGHLIGHT_NANOS - 1)).isTrue();
        assertThat(TopicsViewModel.highlighted(tree.find("t"), 300 + TopicsViewModel.HIGHLIGHT_NANOS)).isFalse();
    }

    @Test
    void clearForgetsEverything() {
        TopicTree tree = new TopicTree(2, 5);
        tree.apply(List.of(msg("a", "1"), msg("b", "2"), msg("c", "3")), 0);
        tree.clear();
        assertThat(tree.size()).isZero();
        assertThat(tree.messages()).isZero();
        assertThat(tree.notKept()).isZero();
        assertThat(tree.find("a")).isNull();
        tree.apply(List.of(msg("c", "3")), 0);
        assertThat(tree.find("c")).isNotNull();
    }

    @Test
    void filterShowsMatchesAndTheLevelsAboveThem() {
        TopicTree tree = new TopicTree();
        tree.apply(List.of(msg("home/kitchen/Temp", "1"), msg("home/hall/light", "2"), msg("office/temp", "3")), 0);
        TopicFilter filter = new TopicFilter("temp");

        assertThat(filter.index(tree)).isEqualTo(2);
        assertThat(filter.shows(tree.find("home"))).isTrue();
        assertThat(filter.shows(tree.find("home/kitchen"))).isTrue();
        assertThat(filter.shows(tree.find("home/hall"))).isFalse();
        assertThat(filter.shows(tree.find("office/temp"))).isTrue();

        List<TopicNode> created = tree.apply(List.of(msg("garden/temp/soil", "4"), msg("garden/x", "5")), 0);
        assertThat(filter.admit(created.get(0))).isNull(); // "garden" itself does not match
        assertThat(filter.admit(created.get(1))).isSameAs(tree.find("garden")); // garden/temp does: garden shows
        assertThat(filter.admit(created.get(2))).isSameAs(tree.find("garden/temp/soil")); // under a shown parent
        assertThat(filter.admit(created.get(3))).isNull();
        assertThat(new TopicFilter(" ").admit(created.get(3))).isSameAs(created.get(3));
    }
}
