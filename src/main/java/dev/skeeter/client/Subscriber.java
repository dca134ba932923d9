package dev.skeeter.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A connection's SUBSCRIBE and UNSUBSCRIBE through Paho, keeping {@link ActiveSubscriptions} in step with what the
 * broker granted, and sending them again after a connect that found no session (Paho does not). Thread-safe:
 * Paho's answers are handled on the connection's own thread ({@code own}).
 */
final class Subscriber {
    private static final int REFUSED = 0x80;

    private final ActiveSubscriptions active;
    /** The connection's current Paho client: it is replaced when a connect attempt is abandoned. */
    private final Supplier<IMqttAsyncClient> client;
    private final Executor own;
    private final Consumer<ConnectionEvent> emit;

    Subscriber(ActiveSubscriptions active, Supplier<IMqttAsyncClient> client, Executor own,
               Consumer<ConnectionEvent> emit) {
        this.active = active;
        this.client = client;
        this.own = own;
        this.emit = emit;
    }

    /** The future gives the granted QoS per request (0x80 = refused by the broker). */
    CompletableFuture<List<Integer>> subscribe(List<SubscriptionRequest> requests) {
        if (requests.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String[] filters = requests.stream().map(SubscriptionRequest::filter).toArray(String[]::new);
        int[] qos = requests.stream().mapToInt(SubscriptionRequest::qos).toArray();
        active.remember(requests); // before the SUBACK: retained messages may arrive right behind it
        CompletableFuture<List<Integer>> result = new CompletableFuture<>();
        try {
            client.get().subscribe(filters, qos, null, PahoActions.on(own,
                    token -> subscribed(requests, token.getGrantedQos(), result), (token, error) -> {
                        if (error instanceof MqttException me
                                && me.getReasonCode() == MqttException.REASON_CODE_SUBSCRIBE_FAILED) {
                            // Paho fails the token when the SUBACK refuses (0x80): report the grants instead
                            subscribed(requests, token.getGrantedQos(), result);
                            return;
                        }
                        active.forget(Arrays.asList(filters));
                        emit.accept(ConnectionEvent.error("subscribe to " + String.join(", ", filters) + " failed: "
                                + ConnectionFailures.brief(error)));
                        result.completeExceptionally(error);
                    }));
        } catch (MqttException e) {
            active.forget(Arrays.asList(filters));
            emit.accept(ConnectionEvent.error("subscribe failed: " + ConnectionFailures.brief(e)));
            result.completeExceptionally(e);
        }
        return result;
    }

    private void subscribed(List<SubscriptionRequest> requests, int[] granted, CompletableFuture<List<Integer>> result) {
        List<Integer> grants = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            int g = granted != null && i < granted.length ? granted[i] : REFUSED;
            grants.add(g);
            String filter = requests.get(i).filter();
            if (g == REFUSED) {
                active.forget(List.of(filter));
                emit.accept(ConnectionEvent.warn("the broker refused the subscription to " + filter));
            } else {
                emit.accept(ConnectionEvent.info("subscribed to " + filter + " (QoS " + g + ")"));
            }
        }
        result.complete(List.copyOf(grants));
    }

    CompletableFuture<Void> unsubscribe(List<String> filters) {
        if (filters.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        active.forget(filters);
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            client.get().unsubscribe(filters.toArray(String[]::new), null, PahoActions.on(own, token -> {
                emit.accept(ConnectionEvent.info("unsubscribed from " + String.join(", ", filters)));
                result.complete(null);
            }, (token, error) -> result.completeExceptionally(error)));
        } catch (MqttException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** After a connect where the broker held no session for us: the active subscriptions are sent again. */
    void resubscribe() {
        List<SubscriptionRequest> again = active.asRequests();
        if (!again.isEmpty()) {
            emit.accept(ConnectionEvent.info("subscribing again to " + again.size() + " filter(s)"));
            subscribe(again);
        }
    }
}
