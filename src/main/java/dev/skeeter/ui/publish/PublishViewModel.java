package dev.skeeter.ui.publish;

import static dev.skeeter.ui.common.Errors.rootMessage;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.payload.PayloadCodecs;
import dev.skeeter.client.payload.PayloadFormat;
import dev.skeeter.profiles.AppState;
import dev.skeeter.profiles.AppState.SavedMessage;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.StateSaver;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.common.TopicProblems;
import dev.skeeter.ui.common.TopicsSeen;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Publish pane's form, saved messages and the list of what was published. FX thread only, except
 * {@link #suggestTopics}, which completion calls on its own thread.
 */
public final class PublishViewModel {
    static final int HISTORY_SIZE = 50;
    static final int PUBLISHED_LIST_SIZE = 500;
    /** Files loaded into the editor stay below this: a text control with megabytes of base64 freezes. */
    static final long MAX_EDITOR_FILE_BYTES = 2L * 1024 * 1024;

    private final MqttConnection connection;
    private final Profile profile;
    private final AppStateStore state;
    private final Executor fx;
    private final Executor background;
    private final FileChooserService files;
    private final TopicsSeen topicsSeen;

    private final StringProperty topic = new SimpleStringProperty("");
    private final IntegerProperty qos = new SimpleIntegerProperty(0);
    private final BooleanProperty retain = new SimpleBooleanProperty();
    private final ObjectProperty<PayloadFormat> format = new SimpleObjectProperty<>(PayloadFormat.TEXT);
    private final StringProperty payload = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper topicError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper payloadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<String> topicHistory = FXCollections.observableArrayList();
    private final ObservableList<SavedMessage> savedMessages = FXCollections.observableArrayList();
    private final ObservableList<PublishedEntry> published = FXCollections.observableArrayList();
    private final BooleanBinding formValid = Bindings.createBooleanBinding(
            () -> topicError.get().isEmpty() && payloadError.get().isEmpty(), topicError, payloadError);
    private boolean converting;
    /** Copy of {@link #topicHistory} for the completion thread. */
    private volatile List<String> historySnapshot = List.of();

    /** @param topicsSeen the workspace's topics, offered by completion after the history */
    public PublishViewModel(MqttConnection connection, Profile profile, TopicsSeen topicsSeen, AppStateStore state,
                            Executor fx, Executor background, FileChooserService files) {
        this.connection = connection;
        this.profile = profile;
        this.topicsSeen = topicsSeen;
        this.state = state;
        this.fx = fx;
        this.background = background;
        this.files = files;
        topicHistory.setAll(state.state().topicHistory(profile.id()));
        savedMessages.setAll(state.state().savedMessages(profile.id()));
        historySnapshot = List.copyOf(topicHistory);
        topic.addListener((obs, was, now) -> validateTopic());
        payload.addListener((obs, was, now) -> validatePayload());
        format.addListener((obs, was, now) -> convert(was, now));
        validateTopic();
    }

    // ---- form ---------------------------------------------------------------------------------------------------

    /** Publishes the form (Ctrl+Enter); false when the form is invalid, with the reason in the error properties. */
    public boolean publish() {
        validateTopic();
        validatePayload();
        if (!formValid.get()) {
            status.set(topicError.get().isEmpty() ? payloadError.get() : topicError.get());
            return false;
        }
        byte[] bytes = format.get().encode(payload.get());
        send(topic.get(), bytes, qos.get(), retain.get());
        rememberTopic(topic.get());
        return true;
    }

    /** Rewrites the JSON payload indented; sets the payload error when it is not JSON. */
    public void prettyPrint() {
        try {
            payload.set(PayloadCodecs.prettyJson(payload.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            payloadError.set(e.getMessage());
        }
    }

    /** Asks for a file and loads it as the payload, in a format that shows it (text, JSON or base64). */
    public void loadFromFile() {
        Optional<Path> file = files.open("Load payload from file");
        if (file.isEmpty()) {
            return;
        }
        status.set("Loading " + file.get().getFileName() + "…");
        background.execute(() -> {
            try {
                byte[] bytes = PayloadCodecs.load(file.get(), MAX_EDITOR_FILE_BYTES);
                PayloadFormat fit = fittingFormat(bytes);
                String text = fit.decode(bytes);
                fx.execute(() -> {
                    converting = true;
                    format.set(fit);
                    converting = false;
                    payload.set(text);
                    status.set("Loaded " + file.get().getFileName() + " (" + bytes.length + " bytes) as " + fit);
                });
            } catch (Exception e) {
                fx.execute(() -> status.set("Cannot load " + file.get().getFileName() + ": " + e.getMessage()));
            }
        });
    }

    // ---- saved messages -----------------------------------------------------------------------------------------

    /** Saves the form under {@code name}, replacing a saved message of that name. */
    public boolean saveCurrent(String name) {
        if (name == null || name.isBlank()) {
            status.set("Give the saved message a name");
            return false;
        }
        SavedMessage message = new SavedMessage(name.strip(), topic.get(), payload.get(), qos.get(), retain.get(),
                format.get().name());
        int existing = indexOfName(message.name());
        if (existing >= 0) {
            savedMessages.set(existing, message);
        } else {
            savedMessages.add(message);
        }
        persistSaved();
        status.set("Saved \"" + message.name() + "\"");
        return true;
    }

    /** Puts a saved message into the form for editing. */
    public void edit(SavedMessage message) {
        converting = true;
        format.set(formatOf(message));
        converting = false;
        topic.set(message.topic());
        payload.set(message.payload());
        qos.set(message.qos());
        retain.set(message.retain());
    }

    /** Publishes a saved message as it is (one click). */
    public boolean publishSaved(SavedMessage message) {
        Optional<String> problem = TopicProblems.ofTopicName(message.topic());
        if (problem.isPresent()) {
            status.set(message.name() + ": " + problem.get());
            return false;
        }
        byte[] bytes;
        try {
            bytes = formatOf(message).encode(message.payload());
        } catch (RuntimeException e) {
            status.set(message.name() + ": " + e.getMessage());
            return false;
        }
        send(message.topic(), bytes, message.qos(), message.retain());
        rememberTopic(message.topic());
        return true;
    }

    /** The saved message's editor format; an unknown name (from a newer version) reads as text. */
    static PayloadFormat formatOf(SavedMessage message) {
        for (PayloadFormat f : PayloadFormat.values()) {
            if (f.name().equalsIgnoreCase(message.format())) {
                return f;
            }
        }
        return PayloadFormat.TEXT;
    }

    public void deleteSaved(SavedMessage message) {
        savedMessages.remove(message);
        persistSaved();
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void send(String toTopic, byte[] bytes, int withQos, boolean withRetain) {
        PublishedEntry entry = new PublishedEntry(Instant.now(), toTopic, withQos, withRetain, bytes.length);
        published.add(0, entry);
        if (published.size() > PUBLISHED_LIST_SIZE) {
            published.remove(PUBLISHED_LIST_SIZE, published.size());
        }
        status.set("");
        try {
            connection.publish(toTopic, bytes, withQos, withRetain).whenComplete((ok, error) ->
                    fx.execute(() -> entry.setResult(error == null ? "ok" : "failed: " + rootMessage(error))));
        } catch (RuntimeException e) {
            entry.setResult("failed: " + rootMessage(e));
        }
    }

    private void rememberTopic(String used) {
        topicHistory.remove(used);
        topicHistory.add(0, used);
        if (topicHistory.size() > HISTORY_SIZE) {
            topicHistory.remove(HISTORY_SIZE, topicHistory.size());
        }
        historySnapshot = List.copyOf(topicHistory);
        persist(s -> s.withTopicUsed(profile.id(), used, HISTORY_SIZE));
    }

    private void persistSaved() {
        List<SavedMessage> copy = List.copyOf(savedMessages);
        persist(s -> s.withSavedMessages(profile.id(), copy));
    }

    /** Saves off the FX thread; a failed write is reported, the state in memory keeps the change. */
    private void persist(UnaryOperator<AppState> change) {
        new StateSaver(state, background, fx, status::set).save(change);
    }

    private int indexOfName(String name) {
        for (int i = 0; i < savedMessages.size(); i++) {
            if (savedMessages.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void validateTopic() {
        topicError.set(TopicProblems.ofTopicName(topic.get()).orElse(""));
    }

    private void validatePayload() {
        try {
            format.get().encode(payload.get());
            payloadError.set("");
        } catch (RuntimeException e) {
            payloadError.set(e.getMessage());
        }
    }

    /** Re-expresses the payload in the new format; text that does not fit stays as it is, with the reason. */
    private void convert(PayloadFormat from, PayloadFormat to) {
        if (converting || from == null || to == null) {
            validatePayload();
            return;
        }
        byte[] bytes;
        try {
            bytes = from.encode(payload.get());
        } catch (RuntimeException e) {
            validatePayload(); // the text does not parse in the old format: keep it, the error explains
            return;
        }
        if ((to == PayloadFormat.TEXT || to == PayloadFormat.JSON) && !PayloadCodecs.isValidUtf8(bytes)) {
            // Binary as text would turn bytes into \xNN markers and change the payload: refuse the switch.
            converting = true;
            format.set(from);
            converting = false;
            status.set("The payload is binary: it stays in " + from.label());
            return;
        }
        try {
            payload.set(to.decode(bytes));
        } catch (RuntimeException e) {
            // e.g. text that is not JSON switched to JSON: keep it as typed, the payload error explains.
        }
        validatePayload();
    }

    private static PayloadFormat fittingFormat(byte[] bytes) {
        if (!PayloadCodecs.isValidUtf8(bytes)) {
            return PayloadFormat.BASE64;
        }
        return PayloadCodecs.validateJson(bytes).isEmpty() ? PayloadFormat.JSON : PayloadFormat.TEXT;
    }


    // ---- properties ---------------------------------------------------------------------------------------------

    public StringProperty topicProperty() { return topic; }
    public IntegerProperty qosProperty() { return qos; }
    public BooleanProperty retainProperty() { return retain; }
    public ObjectProperty<PayloadFormat> formatProperty() { return format; }
    public StringProperty payloadProperty() { return payload; }
    public ReadOnlyStringProperty topicErrorProperty() { return topicError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty payloadErrorProperty() { return payloadError.getReadOnlyProperty(); }
    public BooleanBinding formValidProperty() { return formValid; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ObservableList<String> topicHistory() { return topicHistory; }
    public ObservableList<SavedMessage> savedMessages() { return savedMessages; }
    public ObservableList<PublishedEntry> published() { return published; }

    /** Completion for the topic field: history first, then topics seen on the connection. Thread-safe. */
    public List<String> suggestTopics(String typed, int limit) {
        List<String> result = new ArrayList<>();
        if (typed == null || typed.isBlank()) {
            return result; // the drop-down lists the history; a popup on an empty field would swallow a click
        }
        for (String h : historySnapshot) {
            if (result.size() < limit && h.startsWith(typed) && !h.equals(typed)) {
                result.add(h);
            }
        }
        for (String t : topicsSeen.suggest(typed, limit)) {
            if (result.size() < limit && !result.contains(t) && !t.equals(typed)) {
                result.add(t);
            }
        }
        return result;
    }
}
