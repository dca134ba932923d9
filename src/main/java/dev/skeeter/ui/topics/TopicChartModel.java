package dev.skeeter.ui.topics;

import dev.skeeter.client.ReceivedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Topics tab's chart: one series per charted topic (and JSON field), several on one chart, each bounded to
 * {@link #MAX_POINTS} points. Seeded from the topic's kept history, then fed from every applied batch. FX thread
 * only.
 */
public final class TopicChartModel {
    public static final int MAX_POINTS = 1_000;

    /** One value of a series. */
    public record Point(Instant time, double value) {
    }

    /** A charted topic, or one numeric field of its JSON payload (a JSON pointer). */
    public static final class Series {
        private final String topic;
        private final String field;
        private final ObservableList<Point> points = FXCollections.observableArrayList();

        Series(String topic, String field) {
            this.topic = topic;
            this.field = field == null ? "" : field;
        }

        public String topic() {
            return topic;
        }

        /** A JSON pointer; empty when the whole payload is the number. */
        public String field() {
            return field;
        }

        public String label() {
            return field.isEmpty() ? topic : topic + " " + field;
        }

        public ObservableList<Point> points() {
            return points;
        }

        boolean take(ReceivedMessage m, List<Point> into) {
            OptionalDouble v = NumericValue.of(m.payload(), field);
            if (v.isPresent()) {
                into.add(new Point(m.arrival(), v.getAsDouble()));
                return true;
            }
            return false;
        }

        void append(List<Point> added) {
            if (added.isEmpty()) {
                return;
            }
            int excess = points.size() + added.size() - MAX_POINTS;
            if (excess >= points.size()) {
                points.setAll(added.subList(Math.max(0, added.size() - MAX_POINTS), added.size()));
            } else {
                if (excess > 0) {
                    points.remove(0, excess);
                }
                points.addAll(added);
            }
        }
    }

    private final ObservableList<Series> series = FXCollections.observableArrayList();
    private final Map<String, List<Series>> byTopic = new HashMap<>();

    public ObservableList<Series> series() {
        return series;
    }

    /**
     * Charts {@code node}'s value ({@code field} a JSON pointer, or empty for a number payload), starting with the
     * values in its history; returns the series, or the one already there.
     */
    public Series add(TopicNode node, String field) {
        String f = field == null ? "" : field;
        for (Series s : byTopic.getOrDefault(node.topic(), List.of())) {
            if (s.field.equals(f)) {
                return s;
            }
        }
        Series s = new Series(node.topic(), f);
        List<Point> seed = new ArrayList<>();
        for (ReceivedMessage m : node.history()) {
            s.take(m, seed);
        }
        s.append(seed);
        byTopic.computeIfAbsent(node.topic(), t -> new ArrayList<>()).add(s);
        series.add(s);
        return s;
    }

    public void remove(Series s) {
        series.remove(s);
        List<Series> list = byTopic.get(s.topic());
        if (list != null) {
            list.remove(s);
            if (list.isEmpty()) {
                byTopic.remove(s.topic());
            }
        }
    }

    public void clear() {
        series.clear();
        byTopic.clear();
    }

    /** Adds the values a batch carries for charted topics: one list change per series and batch. */
    void accept(List<ReceivedMessage> batch) {
        if (byTopic.isEmpty()) {
            return;
        }
        Map<Series, List<Point>> added = new HashMap<>();
        for (ReceivedMessage m : batch) {
            List<Series> list = byTopic.get(m.topic());
            if (list != null) {
                for (Series s : list) {
                    s.take(m, added.computeIfAbsent(s, x -> new ArrayList<>()));
                }
            }
        }
        added.forEach(Series::append);
    }
}
