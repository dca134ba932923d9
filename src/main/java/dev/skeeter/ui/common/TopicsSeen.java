package dev.skeeter.ui.common;

import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.ReceivedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The most recently seen distinct topics of a connection, for completion in topic fields. Bounded (least recently
 * seen forgotten first). One per workspace, shared by its panes; it listens to the workspace's connection itself.
 * Thread-safe: fed on the connection's thread, queried from ControlsFX's completion thread.
 */
public final class TopicsSeen implements ConnectionListener {
    private final int capacity;
    private final LinkedHashMap<String, Boolean> topics;

    public TopicsSeen(int capacity) {
        this.capacity = capacity;
        this.topics = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > TopicsSeen.this.capacity;
            }
        };
    }

    public synchronized void add(String topic) {
        topics.put(topic, Boolean.TRUE);
    }

    @Override
    public void messageArrived(ReceivedMessage message) {
        add(message.topic());
    }

    public synchronized int size() {
        return topics.size();
    }

    /**
     * Up to {@code limit} topics containing {@code typed} (case-insensitive), those starting with it first. Nothing
     * for blank text: a completion popup that opens on an emptied field swallows the user's next click.
     */
    public List<String> suggest(String typed, int limit) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        List<String> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(topics.keySet());
        }
        String needle = typed.toLowerCase(Locale.ROOT);
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        for (int i = snapshot.size() - 1; i >= 0 && starts.size() < limit; i--) { // newest first
            String t = snapshot.get(i);
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith(needle)) {
                starts.add(t);
            } else if (contains.size() < limit && lower.contains(needle)) {
                contains.add(t);
            }
        }
        starts.sort(null);
        contains.sort(null);
        List<String> result = new ArrayList<>(starts);
        for (String c : contains) {
            if (result.size() >= limit) {
                break;
            }
            result.add(c);
        }
        return result;
    }
}
