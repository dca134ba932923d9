package dev.skeeter.ui.subscribe;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A payload rendered for one viewer. {@code text} is what a text area shows (possibly cut, then
 * {@code truncated}); {@code tree} is the parsed JSON for the tree view (null unless JSON parsed);
 * {@code note} says in words what is special ("Not valid JSON: ...", "Showing the first 32 KB of 10 MB").
 */
public record RenderedPayload(PayloadViewer viewer, String text, JsonNode tree, boolean truncated, String note) {
    public static RenderedPayload pending(PayloadViewer viewer) {
        return new RenderedPayload(viewer, "", null, false, "Rendering…");
    }
}
