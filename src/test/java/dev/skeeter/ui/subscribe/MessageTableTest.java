package dev.skeeter.ui.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class MessageTableTest {
    private static List<MessageRow> rows(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Messages.row(i, "t/" + i, "p" + i)).toList();
    }

    @Test
    void keepsTheNewestRowsAndCountsWhatItTrimmed() {
        MessageTable table = new MessageTable(100);
        table.addAll(rows(0, 70));
        table.addAll(rows(70, 150));

        assertThat(table.rows()).hasSize(100);
        assertThat(table.rows().get(0).sequence()).isEqualTo(50);
        assertThat(table.rows().get(99).sequence()).isEqualTo(149);
        assertThat(table.trimmedProperty().get()).isEqualTo(50);
    }

    @Test
    void aBatchLargerThanTheBoundKeepsItsNewestPart() {
        MessageTable table = new MessageTable(10);
        table.addAll(rows(0, 5));
        table.addAll(rows(5, 30));
        assertThat(table.rows()).extracting(MessageRow::sequence).containsExactly(20L, 21L, 22L, 23L, 24L, 25L,
                26L, 27L, 28L, 29L);
        assertThat(table.trimmedProperty().get() + table.rows().size()).isEqualTo(30);
    }

    @Test
    void aBatchCostsAtMostTwoListChanges() {
        MessageTable table = new MessageTable(100);
        table.addAll(rows(0, 100));
        List<ListChangeListener.Change<? extends MessageRow>> changes = new ArrayList<>();
        table.rows().addListener((ListChangeListener<MessageRow>) c -> changes.add(c));
        table.addAll(rows(100, 160));
        assertThat(changes).hasSize(2);
    }

    @Test
    void loweringTheBoundTrimsAtOnce() {
        MessageTable table = new MessageTable(100);
        table.addAll(rows(0, 80));
        table.maxRowsProperty().set(30);
        assertThat(table.rows()).hasSize(30);
        assertThat(table.trimmedProperty().get()).isEqualTo(50);
    }

    @Test
    void searchFiltersByTopicPayloadOrWildcard() {
        MessageTable table = new MessageTable(100);
        table.addAll(List.of(Messages.row(1, "home/kitchen/temp", "21.5"),
                Messages.row(2, "home/hall/temp", "{\"alarm\":true}"),
                Messages.row(3, "office/light", "ON")));

        table.setFilter(MessageSearch.predicate("KITCHEN", MessageSearch.Scope.TOPIC));
        assertThat(table.visibleRows()).extracting(MessageRow::sequence).containsExactly(1L);
        table.setFilter(MessageSearch.predicate("alarm", MessageSearch.Scope.PAYLOAD));
        assertThat(table.visibleRows()).extracting(MessageRow::sequence).containsExactly(2L);
        table.setFilter(MessageSearch.predicate("alarm", MessageSearch.Scope.TOPIC));
        assertThat(table.visibleRows()).isEmpty();
        table.setFilter(MessageSearch.predicate("home/+/temp", MessageSearch.Scope.TOPIC_AND_PAYLOAD));
        assertThat(table.visibleRows()).extracting(MessageRow::sequence).containsExactly(1L, 2L);
        table.setFilter(MessageSearch.predicate(" ", MessageSearch.Scope.TOPIC));
        assertThat(table.visibleRows()).hasSize(3);
    }

    @Test
    void previewIsOneLineTextOrHexForBinary() {
        MessageRow text = Messages.row(1, "t", "line one\nline two " + "x".repeat(300));
        assertThat(text.preview()).startsWith("line one line two").endsWith("…").doesNotContain("\n");
        MessageRow binary = new MessageRow(2, Messages.bytes("t", new byte[] {0, 1, (byte) 0xff}, false), null);
        assertThat(binary.preview()).isEqualTo("0x 00 01 ff");
    }
}
