package dev.skeeter.ui.profiles;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One section of the profile form: label/control rows, each validated field with an inline error line under it, a
 * red border on the control (AtlantaFX's {@code :danger} state) and the error as its tooltip. ControlsFX's
 * decorations are not used: they replace the scene's root, which loses the theme's styling. FX thread only.
 */
final class FormSection {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger"); // AtlantaFX's invalid state

    private final GridPane grid = new GridPane();
    private final List<ObservableStringValue> errors = new ArrayList<>();
    private int row;

    FormSection() {
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(14));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, controls);
    }

    Node root() {
        return grid;
    }

    /** True while a field of this section is invalid (the section's tab shows a mark). */
    BooleanBinding hasErrors() {
        return Bindings.createBooleanBinding(() -> errors.stream().anyMatch(e -> e.get() != null),
                errors.toArray(ObservableStringValue[]::new));
    }

    void add(String label, Node control) {
        Label l = new Label(label);
        l.setLabelFor(control);
        grid.addRow(row++, l, control);
    }

    /** A row whose field is validated: the error shows under it, and as a decoration on {@code target}. */
    void add(String label, Node content, Control target, ProfileField field, ReadOnlyStringProperty error) {
        add(label, content);
        Label message = new Label();
        message.setId(field.errorId());
        message.getStyleClass().add("field-error");
        message.textProperty().bind(error);
        message.visibleProperty().bind(error.isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        grid.add(message, 1, row++);
        errors.add(error);
        error.addListener((obs, old, now) -> decorate(target, now));
        decorate(target, error.get());
    }

    /** A full-width note under the last row. */
    void note(Node node) {
        grid.add(node, 1, row++);
    }

    private static void decorate(Control target, String error) {
        target.pseudoClassStateChanged(DANGER, error != null);
        target.setTooltip(error == null ? null : new Tooltip(error));
    }

    static VBox wrap(Node... nodes) {
        VBox box = new VBox(4, nodes);
        box.setFillWidth(true);
        return box;
    }
}
