package dev.skeeter.broker.internal.session;

import dev.skeeter.broker.internal.routing.Message;

/** A message on its way to one session, at the QoS it is delivered with (min of publish and subscription). */
record Delivery(Message message, int qos) {
}
