package dev.skeeter.ui;

import dev.skeeter.ui.connection.WorkspaceViewModel;
import java.util.List;
import javafx.scene.control.Tab;

/** Supplies a workspace's feature tabs (Publish, Subscribe) shown before its Log tab. FX thread only. */
@FunctionalInterface
public interface WorkspacePanes {
    WorkspacePanes NONE = workspace -> new Created(List.of(), () -> { });

    /** The tabs, and what to run when the workspace closes (the panes stop listening). */
    record Created(List<Tab> tabs, Runnable dispose) {
    }

    Created create(WorkspaceViewModel workspace);
}
