package dev.skeeter.ui;

/** The feature panes plugged into every workspace. */
final class Panes {
    private Panes() {
    }

    /** Publish and Subscribe are not merged yet: no tabs (no empty placeholders either). */
    static WorkspacePanes standard() {
        return WorkspacePanes.NONE;
    }
}
