package dev.skeeter.ui.subscribe;

/** The detail pane's ways of showing a payload. */
public enum PayloadViewer {
    TEXT("Text"), JSON("JSON"), HEXDUMP("Hex"), BASE64("Base64"), IMAGE("Image");

    private final String label;

    PayloadViewer(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
