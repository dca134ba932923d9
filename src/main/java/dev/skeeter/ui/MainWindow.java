package dev.skeeter.ui;

import dev.skeeter.Version;
import dev.skeeter.ui.connection.WorkspaceView;
import dev.skeeter.ui.connection.WorkspaceViewModel;
import dev.skeeter.ui.localbroker.LocalBrokerViewModel;
import dev.skeeter.ui.theme.Theme;
import dev.skeeter.ui.theme.ThemeManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;

/**
 * The main window's content: menu bar, profile list, workspace tabs (or the first-start offer), status bar with the
 * local broker indicator. FX thread only.
 */
public final class MainWindow {
    public static final String MAIN_SPLIT_ID = "main-split";

    private final MainViewModel model;
    private final LocalBrokerViewModel localBroker;
    private final AppServices services;
    private final ThemeManager themes;
    private final Windows windows;
    private final BorderPane root = new BorderPane();
    private final TabPane workspaceTabs = new TabPane();
    private final SplitPane split = new SplitPane();
    private final Map<WorkspaceViewModel, Tab> tabs = new HashMap<>();
    private final Map<WorkspaceViewModel, WorkspaceView> views = new HashMap<>();
    private final ProfileListView profileList;
    private javafx.scene.Node profilePane;
    private double hiddenDivider = 0.18;

    public MainWindow(MainViewModel model, LocalBrokerViewModel localBroker, AppServices services,
            ThemeManager themes, Stage stage) {
        this.model = model;
        this.localBroker = localBroker;
        this.services = services;
        this.themes = themes;
        this.windows = new Windows(stage, model, localBroker, services, themes);
        this.profileList = new ProfileListView(model);
        root.setId("main-window");
        root.setTop(createMenuBar());
        root.setCenter(createCenter());
        root.setBottom(createStatusBar());
        initListeners();
    }

    public Parent root() {
        return root;
    }

    public SplitPane mainSplit() {
        return split;
    }

    public Windows windows() {
        return windows;
    }

    private MenuBar createMenuBar() {
        MenuItem newProfile = item("menu-new-profile", "New Profile…", Shortcuts.NEW_PROFILE,
                windows::newProfile);
        MenuItem editProfiles = item("menu-edit-profiles", "Edit Profiles…", Shortcuts.EDIT_PROFILES,
                windows::showProfiles);
        MenuItem closeWorkspace = item("menu-close-workspace", "Close Workspace", Shortcuts.CLOSE_WORKSPACE,
                model::closeCurrent);
        closeWorkspace.disableProperty().bind(model.currentProperty().isNull());
        MenuItem quit = item("menu-quit", "Quit", Shortcuts.QUIT, Platform::exit);
        Menu file = new Menu("File", null, newProfile, editProfiles, new SeparatorMenuItem(), closeWorkspace,
                new SeparatorMenuItem(), quit);

        MenuItem open = item("menu-open", "Open Workspace", null, profileList::openSelected);
        open.disableProperty().bind(model.selectedProfileProperty().isNull());
        MenuItem connect = item("menu-connect", "Connect", Shortcuts.CONNECT, this::connectCurrent);
        MenuItem disconnect = item("menu-disconnect", "Disconnect", Shortcuts.DISCONNECT, model::disconnectCurrent);
        Menu connection = new Menu("Connection", null, open, connect, disconnect);

        MenuItem broker = item("menu-local-broker", "Local Broker…", Shortcuts.LOCAL_BROKER,
                windows::showLocalBroker);
        Menu tools = new Menu("Tools", null, broker, new SeparatorMenuItem(),
                item("menu-certificate-wizard", "Certificate Wizard…", null, windows::showCertificateWizard),
                item("menu-inspect-certificate", "Inspect Certificate…", null, windows::showInspectCertificate));

        ToggleGroup group = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light Theme");
        light.setId("menu-theme-light");
        RadioMenuItem dark = new RadioMenuItem("Dark Theme");
        dark.setId("menu-theme-dark");
        light.setToggleGroup(group);
        dark.setToggleGroup(group);
        light.setOnAction(e -> themes.themeProperty().set(Theme.LIGHT));
        dark.setOnAction(e -> themes.themeProperty().set(Theme.DARK));
        Runnable syncTheme = () -> (themes.theme() == Theme.DARK ? dark : light).setSelected(true);
        themes.themeProperty().addListener((obs, old, now) -> syncTheme.run());
        syncTheme.run();
        MenuItem toggle = item("menu-toggle-theme", "Switch Theme", Shortcuts.TOGGLE_THEME, themes::toggle);
        javafx.scene.control.CheckMenuItem showProfiles = new javafx.scene.control.CheckMenuItem("Profile List");
        showProfiles.setId("menu-show-profiles");
        showProfiles.setSelected(true);
        showProfiles.setAccelerator(Shortcuts.TOGGLE_PROFILES);
        showProfiles.setOnAction(e -> showProfileList(showProfiles.isSelected()));
        Menu view = new Menu("View", null, light, dark, new SeparatorMenuItem(), toggle, new SeparatorMenuItem(),
                showProfiles);

        MenuItem shortcuts = item("menu-shortcuts", "Keyboard Shortcuts", Shortcuts.HELP, windows::showShortcuts);
        MenuItem about = item("menu-about", "About Skeeter", null, windows::showAbout);
        Menu help = new Menu("Help", null, shortcuts, about);

        MenuBar bar = new MenuBar(file, connection, tools, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private Node createCenter() {
        Label heading = new Label("Profiles");
        heading.getStyleClass().add("form-section-title");
        Button edit = new Button("Edit…");
        edit.setId("edit-profiles");
        edit.setOnAction(e -> windows.showProfiles());
        Button add = new Button("New…");
        add.setId("new-profile");
        add.setOnAction(e -> windows.newProfile());
        HBox buttons = new HBox(6, add, edit);
        VBox left = new VBox(6, heading, profileList.root(), buttons);
        VBox.setVgrow(profileList.root(), Priority.ALWAYS);
        left.getStyleClass().add("profile-pane");
        left.setPadding(new javafx.geometry.Insets(8));
        left.setMinWidth(160);

        workspaceTabs.setId("workspaces");
        workspaceTabs.getStyleClass().add("dense");
        workspaceTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        StackPane right = new StackPane(createWelcome(), createOffer(), workspaceTabs);
        workspaceTabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.workspaces()));

        split.setId(MAIN_SPLIT_ID);
        split.getItems().setAll(left, right);
        split.setDividerPositions(0.18);
        profilePane = left;
        SplitPane.setResizableWithParent(left, false);
        return split;
    }

    private Node createWelcome() {
        Label title = new Label("Skeeter");
        title.getStyleClass().add("welcome-title");
        Label version = new Label("version " + Version.get());
        version.getStyleClass().add("welcome-subtitle");
        Label hint = new Label("Double-click a profile to open its workspace, or press "
                + Shortcuts.NEW_PROFILE.getDisplayText() + " for a new one.");
        hint.getStyleClass().add("muted");
        VBox box = new VBox(8, title, version, hint);
        box.setId("welcome");
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.workspaces())
                .and(model.showLocalBrokerOfferProperty().not()));
        return box;
    }

    private Node createOffer() {
        Label title = new Label("Welcome to Skeeter");
        title.getStyleClass().add("offer-title");
        Label text = new Label("Skeeter can run an MQTT broker on this computer and connect to it, so you can "
                + "publish and subscribe right away. Or create a profile for your own broker.");
        text.getStyleClass().add("offer-text");
        text.setWrapText(true);
        text.setMaxWidth(520);
        Button connect = new Button("Connect to the local broker");
        connect.setId("offer-local-broker");
        connect.getStyleClass().add("accent");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> model.acceptLocalBrokerOffer());
        Button create = new Button("New profile…");
        create.setId("offer-new-profile");
        create.setOnAction(e -> windows.newProfile());
        HBox buttons = new HBox(10, connect, create);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(title, text, buttons);
        box.setId("local-broker-offer");
        box.getStyleClass().add("offer-pane");
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(model.showLocalBrokerOfferProperty());
        return box;
    }

    private Node createStatusBar() {
        Circle dot = new Circle(4);
        dot.getStyleClass().add("status-dot");
        Hyperlink indicator = new Hyperlink();
        indicator.setId("local-broker-indicator");
        indicator.setGraphic(dot);
        indicator.textProperty().bind(localBroker.statusProperty());
        indicator.setOnAction(e -> windows.showLocalBroker());
        localBroker.runningProperty().addListener((obs, old, running) -> {
            dot.getStyleClass().setAll("status-dot");
            if (running) {
                dot.getStyleClass().add("connected");
            }
        });
        Label problem = new Label();
        problem.setId("profiles-problem");
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(model.profilesModel().problemProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label version = new Label("Skeeter " + Version.get());
        version.getStyleClass().add("muted");
        HBox bar = new HBox(10, indicator, problem, spacer, version);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");
        return bar;
    }

    private void initListeners() {
        model.workspaces().addListener((ListChangeListener<WorkspaceViewModel>) c -> syncTabs());
        model.currentProperty().addListener((obs, old, now) -> {
            if (now != null && tabs.containsKey(now)) {
                workspaceTabs.getSelectionModel().select(tabs.get(now));
            }
        });
        workspaceTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null) {
                tabs.entrySet().stream().filter(e -> e.getValue() == tab).findFirst()
                        .ifPresent(e -> model.currentProperty().set(e.getKey()));
            }
        });
        syncTabs();
    }

    private void syncTabs() {
        List<WorkspaceViewModel> open = List.copyOf(model.workspaces());
        for (WorkspaceViewModel gone : List.copyOf(tabs.keySet())) {
            if (!open.contains(gone)) {
                views.remove(gone).dispose();
                workspaceTabs.getTabs().remove(tabs.remove(gone));
            }
        }
        for (int i = 0; i < open.size(); i++) {
            WorkspaceViewModel w = open.get(i);
            Tab tab = tabs.computeIfAbsent(w, this::createTab);
            int at = workspaceTabs.getTabs().indexOf(tab);
            if (at != i) {
                workspaceTabs.getTabs().remove(tab);
                workspaceTabs.getTabs().add(Math.min(i, workspaceTabs.getTabs().size()), tab);
            }
        }
        WorkspaceViewModel current = model.currentProperty().get();
        if (current != null && tabs.containsKey(current)) {
            workspaceTabs.getSelectionModel().select(tabs.get(current));
        }
    }

    private Tab createTab(WorkspaceViewModel workspace) {
        WorkspacePanes.Created panes = services.panes().create(workspace);
        WorkspaceView view = new WorkspaceView(workspace, panes.tabs(), services.files(),
                () -> windows.askPassword(workspace.profile()), panes.dispose());
        views.put(workspace, view);
        Tab tab = new Tab(workspace.title(), view.root());
        tab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(workspace::title,
                workspace.profileProperty()));
        tab.setId("workspace-" + workspace.profile().id());
        Circle dot = new Circle(4);
        dot.getStyleClass().add("status-dot");
        workspace.stateProperty().addListener((obs, old, now) -> {
            dot.getStyleClass().setAll("status-dot", now.name().toLowerCase(java.util.Locale.ROOT));
        });
        dot.getStyleClass().add(workspace.stateProperty().get().name().toLowerCase(java.util.Locale.ROOT));
        tab.setGraphic(dot);
        tab.setOnClosed(e -> model.close(workspace));
        return tab;
    }

    /** Hides the profile list to give a workspace the whole width (small screens), or shows it again. */
    private void showProfileList(boolean show) {
        double[] positions = split.getDividerPositions();
        if (show && !split.getItems().contains(profilePane)) {
            split.getItems().add(0, profilePane);
            split.setDividerPositions(hiddenDivider);
        } else if (!show && split.getItems().contains(profilePane)) {
            hiddenDivider = positions.length > 0 ? positions[0] : 0.18;
            split.getItems().remove(profilePane);
        }
    }

    private void connectCurrent() {
        WorkspaceViewModel current = model.currentProperty().get();
        if (current == null) {
            if (model.showLocalBrokerOfferProperty().get()) {
                model.acceptLocalBrokerOffer();
            } else if (model.selectedProfileProperty().get() != null) {
                model.open(model.selectedProfileProperty().get());
                views.get(model.currentProperty().get()).connect();
            }
            return;
        }
        views.get(current).connect();
    }

    private static MenuItem item(String id, String text, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
