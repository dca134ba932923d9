package dev.skeeter.ui.profiles;

import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.ProfileStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profiles every screen shows, backed by the client core's {@link ProfileStore}; writes go to the background
 * executor. FX thread only.
 */
public final class ProfilesModel {
    private final ProfileStore store;
    private final Executor fx;
    private final Executor background;
    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    public ProfilesModel(ProfileStore store, Executor fx, Executor background) {
        this.store = store;
        this.fx = fx;
        this.background = new dev.skeeter.ui.common.SerialExecutor(background); // saves never overtake each other
        profiles.setAll(store.profiles());
        problem.set(store.problem().orElse(store.isReadOnly()
                ? "The profiles file is read-only here: changes are not saved." : null));
    }

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    /** Why profiles cannot be loaded or saved (named file, reason), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when the user has made profiles of their own (the built-in Local broker one does not count). */
    public boolean hasUserProfiles() {
        return profiles.stream().anyMatch(p -> !p.isLocalBroker());
    }

    public Optional<Profile> find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Replaces the profile with the same id, or appends it; then saves. */
    public CompletableFuture<Void> put(Profile profile) {
        int index = indexOf(profile.id());
        if (index >= 0) {
            profiles.set(index, profile);
        } else {
            profiles.add(profile);
        }
        return save();
    }

    public CompletableFuture<Void> putAll(List<Profile> added) {
        for (Profile p : added) {
            int index = indexOf(p.id());
            if (index >= 0) {
                profiles.set(index, p);
            } else {
                profiles.add(p);
            }
        }
        return save();
    }

    /** Removes a profile; the built-in Local broker profile stays. */
    public CompletableFuture<Void> remove(String id) {
        profiles.removeIf(p -> p.id().equals(id) && !p.isLocalBroker());
        return save();
    }

    public CompletableFuture<Void> exportTo(java.nio.file.Path file, List<Profile> which, boolean includeSecrets) {
        return CompletableFuture.runAsync(() -> {
            try {
                store.exportTo(file, which, includeSecrets);
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background);
    }

    public CompletableFuture<List<Profile>> importFrom(java.nio.file.Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return store.importFrom(file);
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background);
    }

    private CompletableFuture<Void> save() {
        if (store.isReadOnly()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Profile> snapshot = List.copyOf(profiles);
        return CompletableFuture.runAsync(() -> {
            try {
                store.saveAll(snapshot);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background).whenComplete((v, error) -> fx.execute(() -> problem.set(error == null ? null
                : "Could not save profiles: " + (error.getCause() != null ? error.getCause() : error).getMessage())));
    }

    private int indexOf(String id) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
