package dev.skeeter.broker.internal.routing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjIntConsumer;

/**
 * The subscribers of one trie node with their QoS. Most nodes hold one subscriber (a {@link One}, the smallest
 * holder) or a few (a {@link Small} immutable array pair); readers use both without locks or allocation, and writers
 * replace them as a whole on every change (copy-on-write). Past {@link #SMALL_LIMIT} entries copying would make mass
 * subscriptions quadratic, so the node switches to a {@link ConcurrentHashMap}.
 *
 * <p>All methods are static over an {@code Object} that is {@code null} (no subscribers), a {@link One}, a
 * {@link Small} or a {@code ConcurrentHashMap<Object, Integer>}. Writers must be serialised by the caller (the trie's stripe lock);
 * readers may run concurrently with them.
 */
final class Subscribers {
    static final int SMALL_LIMIT = 16;

    private Subscribers() {
    }

    /** A single subscriber. */
    record One(Object subscriber, int qos) {
    }

    /** Two or more subscribers. Immutable: the arrays are never modified once published in a volatile field. */
    record Small(Object[] subscribers, byte[] qos) {
        int indexOf(Object subscriber) {
            for (int i = 0; i < subscribers.length; i++) {
                if (subscribers[i].equals(subscriber)) {
                    return i;
                }
            }
            return -1;
        }
    }

    static int qosOf(Object set, Object subscriber) {
        if (set == null) {
            return -1;
        }
        if (set instanceof One one) {
            return one.subscriber.equals(subscriber) ? one.qos : -1;
        }
        if (set instanceof Small small) {
            int i = small.indexOf(subscriber);
            return i < 0 ? -1 : small.qos[i];
        }
        Integer qos = asMap(set).get(subscriber);
        return qos == null ? -1 : qos;
    }

    static int size(Object set) {
        if (set == null) {
            return 0;
        }
        if (set instanceof One) {
            return 1;
        }
        return set instanceof Small small ? small.subscribers.length : asMap(set).size();
    }

    /** Returns the set to publish after adding or replacing {@code subscriber}; may return {@code set} itself. */
    static Object with(Object set, Object subscriber, int qos) {
        if (set == null) {
            return new One(subscriber, qos);
        }
        if (set instanceof One one) {
            if (one.subscriber.equals(subscriber)) {
                return new One(subscriber, qos);
            }
            return new Small(new Object[] {one.subscriber, subscriber}, new byte[] {(byte) one.qos, (byte) qos});
        }
        if (set instanceof Small small) {
            int i = small.indexOf(subscriber);
            int n = small.subscribers.length;
            if (i >= 0) {
                byte[] qosCopy = small.qos.clone();
                qosCopy[i] = (byte) qos;
                return new Small(small.subscribers, qosCopy);
            }
            if (n < SMALL_LIMIT) {
                Object[] subs = java.util.Arrays.copyOf(small.subscribers, n + 1);
                byte[] qosCopy = java.util.Arrays.copyOf(small.qos, n + 1);
                subs[n] = subscriber;
                qosCopy[n] = (byte) qos;
                return new Small(subs, qosCopy);
            }
            var map = new ConcurrentHashMap<Object, Integer>(2 * SMALL_LIMIT + 2);
            for (int k = 0; k < n; k++) {
                map.put(small.subscribers[k], (int) small.qos[k]);
            }
            map.put(subscriber, qos);
            return map;
        }
        asMap(set).put(subscriber, qos);
        return set;
    }

    /** Returns the set to publish after removing {@code subscriber}: {@code null} once empty. */
    static Object without(Object set, Object subscriber) {
        if (set == null) {
            return null;
        }
        if (set instanceof One one) {
            return one.subscriber.equals(subscriber) ? null : set;
        }
        if (set instanceof Small small) {
            int i = small.indexOf(subscriber);
            if (i < 0) {
                return set;
            }
            int n = small.subscribers.length;
            if (n == 2) {
                return new One(small.subscribers[1 - i], small.qos[1 - i]);
            }
            Object[] subs = new Object[n - 1];
            byte[] qos = new byte[n - 1];
            System.arraycopy(small.subscribers, 0, subs, 0, i);
            System.arraycopy(small.subscribers, i + 1, subs, i, n - i - 1);
            System.arraycopy(small.qos, 0, qos, 0, i);
            System.arraycopy(small.qos, i + 1, qos, i, n - i - 1);
            return new Small(subs, qos);
        }
        var map = asMap(set);
        map.remove(subscriber);
        // Staying a map until empty keeps a large set from flapping between the two shapes.
        return map.isEmpty() ? null : set;
    }

    @SuppressWarnings("unchecked")
    static <S> void forEach(Object set, ObjIntConsumer<S> visitor) {
        if (set instanceof One one) {
            visitor.accept((S) one.subscriber, one.qos);
        } else if (set instanceof Small small) {
            Object[] subs = small.subscribers;
            byte[] qos = small.qos;
            for (int i = 0; i < subs.length; i++) {
                visitor.accept((S) subs[i], qos[i]);
            }
        } else if (set != null) {
            // forEach(BiConsumer) walks the table without creating an entry object per subscriber, as entrySet does.
            asMap(set).forEach((subscriber, qos) -> visitor.accept((S) subscriber, qos));
        }
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentHashMap<Object, Integer> asMap(Object set) {
        return (ConcurrentHashMap<Object, Integer>) set;
    }
}
