package dev.skeeter.profiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the desktop app remembers between runs besides profiles, kept in {@code state.json}. Immutable;
 * maps are keyed by profile id. Change it with the {@code with...} methods, which return a new state.
 *
 * @param savedMessages        per profile, the messages the user saved in the Publish pane
 * @param topicHistory         per profile, recently used topics, most recent first
 * @param subscriptionColours  per profile, per topic filter, a colour such as {@code "#3f7fbf"}
 * @param window               the main window's geometry and split positions
 * @param openWorkspaces       ids of the profiles whose workspaces were open, in tab order
 * @param lastProfileId        the profile selected last, or null
 * @param theme                the theme's name, or null for the default
 * @param messageTableRowLimit rows the message table keeps (its own bound, below the message store's)
 * @param subscriptions        per profile, the Subscribe pane's subscriptions, subscribed again on connect
 */
public record AppState(
        Map<String, List<SavedMessage>> savedMessages,
        Map<String, List<String>> topicHistory,
        Map<String, Map<String, String>> subscriptionColours,
        WindowLayout window,
        List<String> openWorkspaces,
        String lastProfileId,
        String theme,
        int messageTableRowLimit,
        Map<String, List<SavedSubscription>> subscriptions) {

    public static final int SCHEMA_VERSION = 1;
    public static final int DEFAULT_MESSAGE_TABLE_ROW_LIMIT = 10_000;

    public AppState {
        savedMessages = copyOfMapOfLists(savedMessages);
        topicHistory = copyOfMapOfLists(topicHistory);
        subscriptionColours = copyOfMapOfMaps(subscriptionColours);
        window = window == null ? WindowLayout.DEFAULT : window;
        openWorkspaces = openWorkspaces == null ? List.of() : List.copyOf(openWorkspaces);
        messageTableRowLimit = messageTableRowLimit <= 0 ? DEFAULT_MESSAGE_TABLE_ROW_LIMIT : messageTableRowLimit;
        subscriptions = copyOfMapOfLists(subscriptions);
    }

    public static AppState empty() {
        return new AppState(null, null, null, null, null, null, null, DEFAULT_MESSAGE_TABLE_ROW_LIMIT, null);
    }

    /**
     * A message saved for re-publishing.
     *
     * @param payload the payload as the Publish editor shows it, in {@code format}
     * @param format  the editor format's name ({@code TEXT}, {@code JSON}, {@code HEX}, {@code BASE64}); a plain
     *                string because this package does not depend on the client core's {@code PayloadFormat};
     *                {@link #TEXT_FORMAT} when absent (state files written before the field existed)
     */
    public record SavedMessage(String name, String topic, String payload, int qos, boolean retain, String format) {
        public static final String TEXT_FORMAT = "TEXT";

        public SavedMessage {
            name = name == null ? "" : name;
            topic = topic == null ? "" : topic;
            payload = payload == null ? "" : payload;
            format = format == null || format.isBlank() ? TEXT_FORMAT : format;
        }

        /** A plain-text saved message. */
        public SavedMessage(String name, String topic, String payload, int qos, boolean retain) {
            this(name, topic, payload, qos, retain, TEXT_FORMAT);
        }
    }

    /** A subscription of the Subscribe pane, subscribed again when its profile connects. */
    public record SavedSubscription(String filter, int qos, String colour, boolean muted) {
    }

    /**
     * The main window. {@code x} and {@code y} are null until the window was placed once (the app then centres
     * it); {@code dividerPositions} maps a split pane's id to its divider positions (0..1).
     */
    public record WindowLayout(Double x, Double y, double width, double height, boolean maximized,
            Map<String, List<Double>> dividerPositions) {
        public static final WindowLayout DEFAULT = new WindowLayout(null, null, 1200, 800, false, null);

        public WindowLayout {
            dividerPositions = copyOfMapOfLists(dividerPositions);
        }

        public boolean hasPosition() {
            return x != null && y != null;
        }

        /** This layout with one split pane's divider positions replaced. */
        public WindowLayout withDividers(String splitId, List<Double> positions) {
            var next = new LinkedHashMap<>(dividerPositions);
            next.put(splitId, positions);
            return new WindowLayout(x, y, width, height, maximized, next);
        }
    }

    public List<SavedMessage> savedMessages(String profileId) {
        return savedMessages.getOrDefault(profileId, List.of());
    }

    public List<String> topicHistory(String profileId) {
        return topicHistory.getOrDefault(profileId, List.of());
    }

    public Map<String, String> subscriptionColours(String profileId) {
        return subscriptionColours.getOrDefault(profileId, Map.of());
    }

    public AppState withSavedMessages(String profileId, List<SavedMessage> messages) {
        var next = new LinkedHashMap<>(savedMessages);
        next.put(profileId, messages);
        return new AppState(next, topicHistory, subscriptionColours, window, openWorkspaces, lastProfileId, theme,
                messageTableRowLimit, subscriptions);
    }

    /** Puts {@code topic} first in the profile's history (removing an older copy), keeping at most {@code max}. */
    public AppState withTopicUsed(String profileId, String topic, int max) {
        List<String> list = new ArrayList<>(topicHistory(profileId));
        list.remove(topic);
        list.add(0, topic);
        var next = new LinkedHashMap<>(topicHistory);
        next.put(profileId, list.subList(0, Math.min(max, list.size())));
        return new AppState(savedMessages, next, subscriptionColours, window, openWorkspaces, lastProfileId, theme,
                messageTableRowLimit, subscriptions);
    }

    public AppState withSubscriptionColour(String profileId, String filter, String colour) {
        var forProfile = new LinkedHashMap<>(subscriptionColours(profileId));
        forProfile.put(filter, colour);
        var next = new LinkedHashMap<>(subscriptionColours);
        next.put(profileId, forProfile);
        return new AppState(savedMessages, topicHistory, next, window, openWorkspaces, lastProfileId, theme,
                messageTableRowLimit, subscriptions);
    }

    public List<SavedSubscription> subscriptions(String profileId) {
        return subscriptions.getOrDefault(profileId, List.of());
    }

    /** Replaces the profile's remembered subscriptions; their colours are also kept for a later subscribe. */
    public AppState withSubscriptions(String profileId, List<SavedSubscription> list) {
        var next = new LinkedHashMap<>(subscriptions);
        next.put(profileId, list);
        var colours = new LinkedHashMap<>(subscriptionColours(profileId));
        list.forEach(s -> colours.put(s.filter(), s.colour()));
        var allColours = new LinkedHashMap<>(subscriptionColours);
        allColours.put(profileId, colours);
        return new AppState(savedMessages, topicHistory, allColours, window, openWorkspaces, lastProfileId, theme,
                messageTableRowLimit, next);
    }

    public AppState withWindow(WindowLayout layout) {
        return new AppState(savedMessages, topicHistory, subscriptionColours, layout, openWorkspaces, lastProfileId,
                theme, messageTableRowLimit, subscriptions);
    }

    public AppState withOpenWorkspaces(List<String> profileIds) {
        return new AppState(savedMessages, topicHistory, subscriptionColours, window, profileIds, lastProfileId,
                theme, messageTableRowLimit, subscriptions);
    }

    public AppState withLastProfileId(String profileId) {
        return new AppState(savedMessages, topicHistory, subscriptionColours, window, openWorkspaces, profileId,
                theme, messageTableRowLimit, subscriptions);
    }

    public AppState withTheme(String themeName) {
        return new AppState(savedMessages, topicHistory, subscriptionColours, window, openWorkspaces, lastProfileId,
                themeName, messageTableRowLimit, subscriptions);
    }

    public AppState withMessageTableRowLimit(int limit) {
        return new AppState(savedMessages, topicHistory, subscriptionColours, window, openWorkspaces, lastProfileId,
                theme, limit, subscriptions);
    }

    private static <V> Map<String, List<V>> copyOfMapOfLists(Map<String, List<V>> map) {
        if (map == null) {
            return Map.of();
        }
        // LinkedHashMap keeps the file's order; unmodifiable keeps the record immutable.
        var copy = new LinkedHashMap<String, List<V>>();
        map.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static Map<String, Map<String, String>> copyOfMapOfMaps(Map<String, Map<String, String>> map) {
        if (map == null) {
            return Map.of();
        }
        var copy = new LinkedHashMap<String, Map<String, String>>();
        map.forEach((k, v) -> copy.put(k, v == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
