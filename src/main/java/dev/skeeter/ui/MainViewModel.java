package dev.skeeter.ui;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.connection.ConnectionFactory;
import dev.skeeter.ui.connection.WorkspaceViewModel;
import dev.skeeter.ui.localbroker.LocalBrokerConnector;
import dev.skeeter.ui.profiles.ProfilesModel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The main window's state: profiles with their connection state, the open workspaces (one per profile), the
 * current one, and the first-start offer of the local broker. FX thread only.
 */
public final class MainViewModel implements WorkspaceViewModel.Host {
    private final ProfilesModel profiles;
    private final ConnectionFactory connections;
    private final LocalBrokerConnector localBroker;
    private final Executor fx;
    private final Executor background;
    private final ObservableList<WorkspaceViewModel> workspaces = FXCollections.observableArrayList();
    private final ObservableMap<String, ConnectionState> profileStates = FXCollections.observableHashMap();
    private final ObjectProperty<WorkspaceViewModel> current = new SimpleObjectProperty<>(this, "current");
    private final ObjectProperty<Profile> selectedProfile = new SimpleObjectProperty<>(this, "selectedProfile");
    private final BooleanProperty offerDismissed = new SimpleBooleanProperty(this, "offerDismissed");
    private final BooleanBinding showLocalBrokerOffer;

    public MainViewModel(ProfilesModel profiles, ConnectionFactory connections, LocalBrokerConnector localBroker,
            Executor fx, Executor background) {
        this.profiles = profiles;
        this.connections = connections;
        this.localBroker = localBroker;
        this.fx = fx;
        this.background = background;
        showLocalBrokerOffer = Bindings.createBooleanBinding(
                () -> !offerDismissed.get() && workspaces.isEmpty() && !profiles.hasUserProfiles(),
                offerDismissed, workspaces, profiles.profiles());
        profiles.profiles().addListener((ListChangeListener<Profile>) c -> followProfileChanges());
    }

    public ObservableList<Profile> profiles() {
        return profiles.profiles();
    }

    public ProfilesModel profilesModel() {
        return profiles;
    }

    public ObservableList<WorkspaceViewModel> workspaces() {
        return workspaces;
    }

    /** Each open profile's connection state, for the status dots; absent means no workspace. */
    public ObservableMap<String, ConnectionState> profileStates() {
        return profileStates;
    }

    public ObjectProperty<WorkspaceViewModel> currentProperty() {
        return current;
    }

    public ObjectProperty<Profile> selectedProfileProperty() {
        return selectedProfile;
    }

    /** True on first start (no profiles of the user's own, nothing open) until dismissed. */
    public BooleanBinding showLocalBrokerOfferProperty() {
        return showLocalBrokerOffer;
    }

    public void dismissLocalBrokerOffer() {
        offerDismissed.set(true);
    }

    /** The offer's one click: open the Local broker workspace and connect (starting the embedded broker). */
    public WorkspaceViewModel acceptLocalBrokerOffer() {
        Profile local = profiles.find(Profile.LOCAL_BROKER_ID).orElseThrow();
        WorkspaceViewModel workspace = open(local);
        workspace.connect();
        return workspace;
    }

    /** Opens (or brings forward) the profile's workspace. */
    public WorkspaceViewModel open(Profile profile) {
        Optional<WorkspaceViewModel> existing = workspaceOf(profile.id());
        if (existing.isPresent()) {
            current.set(existing.get());
            return existing.get();
        }
        WorkspaceViewModel workspace = create(profile);
        workspaces.add(workspace);
        current.set(workspace);
        selectedProfile.set(profile);
        return workspace;
    }

    public Optional<WorkspaceViewModel> workspaceOf(String profileId) {
        return workspaces.stream().filter(w -> w.profile().id().equals(profileId)).findFirst();
    }

    public void close(WorkspaceViewModel workspace) {
        int index = workspaces.indexOf(workspace);
        if (index < 0) {
            return;
        }
        workspaces.remove(index);
        profileStates.remove(workspace.profile().id());
        workspace.close(background);
        if (current.get() == workspace) {
            current.set(workspaces.isEmpty() ? null : workspaces.get(Math.min(index, workspaces.size() - 1)));
        }
    }

    public void closeCurrent() {
        if (current.get() != null) {
            close(current.get());
        }
    }

    public void disconnectCurrent() {
        if (current.get() != null) {
            current.get().disconnect();
        }
    }

    /** Reopens the workspaces of a previous run, in order, without connecting. */
    public void restore(List<String> openProfileIds, String lastProfileId) {
        for (String id : openProfileIds) {
            profiles.find(id).ifPresent(this::open);
        }
        if (lastProfileId != null) {
            profiles.find(lastProfileId).ifPresent(selectedProfile::set);
            workspaceOf(lastProfileId).ifPresent(current::set);
        }
    }

    public List<String> openProfileIds() {
        return workspaces.stream().map(w -> w.profile().id()).toList();
    }

    @Override
    public void saveProfile(Profile updated) {
        profiles.put(updated); // the workspace already took it, so followProfileChanges finds nothing to do
    }

    private WorkspaceViewModel create(Profile profile) {
        WorkspaceViewModel workspace = new WorkspaceViewModel(profile, connections.create(profile), localBroker, fx,
                background, this);
        profileStates.put(profile.id(), workspace.stateProperty().get());
        workspace.stateProperty().addListener((obs, old, now) -> {
            if (workspaces.contains(workspace)) {
                profileStates.put(profile.id(), now);
            }
        });
        return workspace;
    }

    /**
     * A deleted profile closes its workspace; an edited one is applied to its workspace in place, which keeps its
     * subscriptions, messages and forms, and stays the selected tab (see {@link WorkspaceViewModel#applyProfile}).
     */
    private void followProfileChanges() {
        for (WorkspaceViewModel w : List.copyOf(workspaces)) {
            Optional<Profile> now = profiles.find(w.profile().id());
            if (now.isEmpty()) {
                close(w);
            } else {
                w.applyProfile(now.get());
            }
        }
    }
}
