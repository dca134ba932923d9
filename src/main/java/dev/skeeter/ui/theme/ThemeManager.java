package dev.skeeter.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Switches light/dark at run time for every registered scene and dialog. The base look is a user-agent
 * stylesheet (AtlantaFX Primer) or Modena; the app's own colours are looked-up colours in {@code skeeter.css},
 * which a {@code dark} style class on each root overrides. FX thread only.
 */
public final class ThemeManager {
    public static final String APP_STYLESHEET =
            Objects.requireNonNull(ThemeManager.class.getResource("/dev/skeeter/ui/skeeter.css")).toExternalForm();
    public static final String MODENA_DARK_STYLESHEET =
            Objects.requireNonNull(ThemeManager.class.getResource("modena-dark.css")).toExternalForm();
    public static final String DARK_CLASS = "dark";

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final Look look;
    private final List<WeakReference<Scene>> scenes = new ArrayList<>();
    private final List<WeakReference<Parent>> roots = new ArrayList<>();

    public ThemeManager(Look look, Theme initial) {
        this.look = look;
        theme.set(initial);
        theme.addListener((obs, old, now) -> applyAll());
        applyUserAgent();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public Look look() {
        return look;
    }

    public void toggle() {
        theme.set(theme.get().other());
    }

    /** Styles a scene now and on every later switch. */
    public void register(Scene scene) {
        scenes.add(new WeakReference<>(scene));
        apply(scene.getStylesheets(), scene.getRoot());
        // ControlsFX's decorations wrap the scene's root in their own pane: style the new root too
        scene.rootProperty().addListener((obs, old, now) -> {
            old.getStyleClass().remove(DARK_CLASS);
            apply(scene.getStylesheets(), now);
        });
    }

    /** Styles a root (a scene's or a dialog pane) now and on every later switch. */
    public void register(Parent root) {
        roots.add(new WeakReference<>(root));
        apply(root.getStylesheets(), root);
    }

    private void applyAll() {
        applyUserAgent();
        scenes.removeIf(ref -> ref.get() == null);
        roots.removeIf(ref -> ref.get() == null);
        for (WeakReference<Scene> ref : scenes) {
            Scene scene = ref.get();
            if (scene != null) {
                apply(scene.getStylesheets(), scene.getRoot());
            }
        }
        for (WeakReference<Parent> ref : roots) {
            Parent root = ref.get();
            if (root != null) {
                apply(root.getStylesheets(), root);
            }
        }
    }

    private void applyUserAgent() {
        if (look == Look.PRIMER) {
            Application.setUserAgentStylesheet(theme.get() == Theme.DARK
                    ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        } else {
            Application.setUserAgentStylesheet(Application.STYLESHEET_MODENA);
        }
    }

    private void apply(ObservableList<String> sheets, Parent root) {
        if (!sheets.contains(APP_STYLESHEET)) {
            sheets.add(APP_STYLESHEET);
        }
        boolean dark = theme.get() == Theme.DARK;
        if (look == Look.MODENA && dark) {
            if (!sheets.contains(MODENA_DARK_STYLESHEET)) {
                sheets.add(MODENA_DARK_STYLESHEET);
            }
        } else {
            sheets.remove(MODENA_DARK_STYLESHEET);
        }
        root.getStyleClass().remove(DARK_CLASS);
        if (dark) {
            root.getStyleClass().add(DARK_CLASS);
        }
    }
}
