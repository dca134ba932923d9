package dev.skeeter.broker.internal.routing;

/**
 * A reusable lookup key for one level of a topic, standing in for {@code topic.substring(start, end)} so routing a
 * publish does not allocate a string per level. It hashes like that substring and {@link #equals} a {@code String}
 * with the same characters. This relies on {@link java.util.concurrent.ConcurrentHashMap#get} calling
 * {@code key.equals(k)} on the probe (documented: "a mapping from a key k ... such that key.equals(k)"); never
 * store a LevelKey in a map.
 *
 * <p>Mutable and thread-confined.
 */
final class LevelKey {
    private String source;
    private int start;
    private int length;
    private int hash;

    /** Points this key at {@code source[start, end)}; returns it for use as a map key. */
    LevelKey of(String source, int start, int end) {
        this.source = source;
        this.start = start;
        this.length = end - start;
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + source.charAt(i);
        }
        this.hash = h;
        return this;
    }

    /** Drops the reference to the topic, so a reused key does not keep a large string alive. */
    void clear() {
        source = null;
    }

    @Override
    public int hashCode() {
        return hash; // same as String.hashCode of the level
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof String s && s.length() == length && source.regionMatches(start, s, 0, length);
    }

    @Override
    public String toString() {
        return source.substring(start, start + length);
    }
}
