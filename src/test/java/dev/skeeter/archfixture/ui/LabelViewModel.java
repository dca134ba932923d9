package dev.skeeter.archfixture.ui;

import javafx.scene.control.Label;

/** Breaks "view-models never touch the scene graph". */
public final class LabelViewModel {
    public String text(Label label) {
        return label.getText();
    }
}
