package dev.skeeter.ui.subscribe;

import dev.skeeter.client.ReceivedMessage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The detail pane of the selected message. Rendering happens on the background executor, one viewer at a time and
 * only when that viewer is shown, and a result that arrives after the selection moved on is discarded. FX thread
 * only.
 */
public final class MessageDetailViewModel {
    private final Executor fx;
    private final Executor background;
    private final ObjectProperty<MessageRow> row = new SimpleObjectProperty<>();
    private final ObjectProperty<PayloadViewer> viewer = new SimpleObjectProperty<>(PayloadViewer.TEXT);
    private final ReadOnlyObjectWrapper<RenderedPayload> rendered = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper topic = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper flags = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper matched = new ReadOnlyStringWrapper("");
    private final Map<PayloadViewer, RenderedPayload> cache = new EnumMap<>(PayloadViewer.class);
    private long generation;

    public MessageDetailViewModel(Executor fx, Executor background) {
        this.fx = Objects.requireNonNull(fx);
        this.background = Objects.requireNonNull(background);
        row.addListener((obs, was, now) -> rowChanged(now));
        viewer.addListener((obs, was, now) -> renderCurrent());
    }

    /** The message shown; null shows nothing. */
    public ObjectProperty<MessageRow> rowProperty() {
        return row;
    }

    /** The viewer shown; picked to suit each newly selected payload, then the user's choice. */
    public ObjectProperty<PayloadViewer> viewerProperty() {
        return viewer;
    }

    public ReadOnlyObjectProperty<RenderedPayload> renderedProperty() {
        return rendered.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty topicProperty() {
        return topic.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty flagsProperty() {
        return flags.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty matchedProperty() {
        return matched.getReadOnlyProperty();
    }

    /** The payload of the shown message (for the image viewer, which decodes it in the view); empty if none. */
    public byte[] payload() {
        MessageRow r = row.get();
        return r == null ? new byte[0] : r.message().payload();
    }

    private void rowChanged(MessageRow now) {
        generation++;
        cache.clear();
        if (now == null) {
            topic.set("");
            flags.set("");
            size.set("");
            matched.set("");
            rendered.set(null);
            return;
        }
        ReceivedMessage m = now.message();
        topic.set(m.topic());
        flags.set("QoS " + m.qos() + (m.retained() ? " · retained" : "") + (m.duplicate() ? " · duplicate" : ""));
        size.set(PayloadRenderer.sizeText(m.payload().length) + " (" + m.payload().length + " bytes)");
        matched.set(String.join(", ", m.matchedFilters()));
        long token = generation;
        rendered.set(RenderedPayload.pending(viewer.get()));
        background.execute(() -> {
            PayloadViewer best = PayloadRenderer.bestViewer(m.payload());
            RenderedPayload result = PayloadRenderer.render(best, m.payload());
            fx.execute(() -> {
                if (token == generation) {
                    cache.put(best, result);
                    if (viewer.get() == best) {
                        rendered.set(result);
                    } else {
                        viewer.set(best); // renders from the cache
                    }
                }
            });
        });
    }

    private void renderCurrent() {
        MessageRow r = row.get();
        PayloadViewer v = viewer.get();
        if (r == null || v == null) {
            return;
        }
        RenderedPayload cached = cache.get(v);
        if (cached != null) {
            rendered.set(cached);
            return;
        }
        long token = generation;
        rendered.set(RenderedPayload.pending(v));
        byte[] payload = r.message().payload();
        background.execute(() -> {
            RenderedPayload result = PayloadRenderer.render(v, payload);
            fx.execute(() -> {
                if (token == generation) {
                    cache.put(v, result);
                    if (viewer.get() == v) {
                        rendered.set(result);
                    }
                }
            });
        });
    }
}
