package dev.skeeter.broker;

/**
 * An immutable snapshot of a broker's counters since it started: the numbers its {@code $SYS/broker/...} tree
 * publishes, with mosquitto 2.0's meanings (the topic each one feeds is named below).
 *
 * @param uptimeSeconds seconds since the broker started ({@code uptime})
 * @param clientsConnected clients connected right now ({@code clients/connected}, {@code clients/active})
 * @param clientsTotal sessions known: connected plus persistent offline ones ({@code clients/total})
 * @param clientsMaximum the most sessions known at once ({@code clients/maximum})
 * @param clientsExpired persistent sessions removed by {@code persistent_client_expiration} ({@code clients/expired})
 * @param packetsReceived MQTT packets of every kind received ({@code messages/received})
 * @param packetsSent MQTT packets of every kind sent ({@code messages/sent})
 * @param publishReceived PUBLISH packets received ({@code publish/messages/received})
 * @param publishSent PUBLISH packets sent, resends included ({@code publish/messages/sent})
 * @param publishDropped messages not delivered because a subscriber's queue was full ({@code publish/messages/dropped})
 * @param publishBytesReceived payload bytes of the PUBLISH packets received ({@code publish/bytes/received})
 * @param publishBytesSent payload bytes of the PUBLISH packets sent ({@code publish/bytes/sent})
 * @param bytesReceived bytes read from sockets ({@code bytes/received})
 * @param bytesSent bytes written to sockets ({@code bytes/sent})
 * @param retainedMessages retained messages stored, {@code $SYS} ones included ({@code retained messages/count})
 * @param subscriptions subscriptions across all sessions ({@code subscriptions/count})
 * @param storedMessages messages held: retained ones plus those queued or in flight for sessions
 *     ({@code messages/stored}, {@code store/messages/count})
 * @param storedBytes payload bytes of the messages counted in {@code storedMessages} ({@code store/messages/bytes})
 * @param heapCurrent bytes of Java heap in use ({@code heap/current})
 * @param heapMaximum the peak of Java heap in use ({@code heap/maximum})
 * @param socketsOpened sockets accepted (feeds {@code load/sockets/*})
 * @param connectionsAccepted CONNECTs accepted (feeds {@code load/connections/*})
 * @param publishDenied PUBLISH packets and wills the ACL (or an embedder's authoriser) refused: acknowledged,
 *                      dropped and counted here (mosquitto counts them nowhere)
 */
public record BrokerStats(long uptimeSeconds, int clientsConnected, int clientsTotal, int clientsMaximum,
        long clientsExpired, long packetsReceived, long packetsSent, long publishReceived, long publishSent,
        long publishDropped, long publishBytesReceived, long publishBytesSent, long bytesReceived, long bytesSent,
        int retainedMessages, int subscriptions, long storedMessages, long storedBytes, long heapCurrent,
        long heapMaximum, long socketsOpened, long connectionsAccepted, long publishDenied) {
}
