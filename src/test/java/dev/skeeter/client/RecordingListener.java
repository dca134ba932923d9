package dev.skeeter.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/** Collects everything a connection reports, and the threads it reported on, for assertions. */
final class RecordingListener implements ConnectionListener {
    record StateChange(ConnectionState previous, ConnectionState current, ConnectionFailure failure) {
    }

    final List<StateChange> states = new CopyOnWriteArrayList<>();
    final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void stateChanged(ConnectionState previous, ConnectionState current, ConnectionFailure failure) {
        threads.add(Thread.currentThread().getName());
        states.add(new StateChange(previous, current, failure));
    }

    @Override
    public void messageArrived(ReceivedMessage message) {
        threads.add(Thread.currentThread().getName());
        messages.add(message);
    }

    @Override
    public void event(ConnectionEvent event) {
        threads.add(Thread.currentThread().getName());
        events.add(event);
    }

    List<ConnectionState> stateSequence() {
        return states.stream().map(StateChange::current).toList();
    }

    ReceivedMessage awaitMessage(String topic) {
        Awaitility.await("message on " + topic).atMost(Duration.ofSeconds(10))
                .until(() -> messages.stream().anyMatch(m -> m.topic().equals(topic)));
        return messages.stream().filter(m -> m.topic().equals(topic)).findFirst().orElseThrow();
    }

    void awaitState(ConnectionState state) {
        Awaitility.await("state " + state).atMost(Duration.ofSeconds(15))
                .until(() -> stateSequence().contains(state));
    }

    void assertNeverOnPahoThreads() {
        assertThat(threads).allSatisfy(name -> assertThat(name).doesNotStartWith("MQTT"));
    }
}
