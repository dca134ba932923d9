package dev.skeeter.ui.common;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Gives a split pane its remembered divider positions and remembers the ones the user drags to. Only a drag is
 * remembered (on mouse release), never the positions a layout pass computes. FX thread only.
 */
public final class Dividers {
    private Dividers() {
    }

    /**
     * @param load positions remembered for the id (empty when none)
     * @param save called with the id and the new positions after the user moved a divider
     */
    public static void remember(SplitPane split, String id, double[] defaults, Function<String, List<Double>> load,
            BiConsumer<String, List<Double>> save) {
        split.setId(id);
        List<Double> remembered = load.apply(id);
        if (remembered != null && remembered.size() == defaults.length
                && remembered.stream().allMatch(p -> p > 0.02 && p < 0.98)) {
            split.setDividerPositions(remembered.stream().mapToDouble(Double::doubleValue).toArray());
        } else {
            split.setDividerPositions(defaults);
        }
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> save.accept(id,
                Arrays.stream(split.getDividerPositions()).boxed().toList()));
    }
}
