package dev.skeeter.ui.profiles;

import static dev.skeeter.ui.common.Errors.rootMessage;

import dev.skeeter.profiles.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The profiles editor: list with add, duplicate, delete, import, export; the selected profile in a form; save;
 * Test. FX thread only.
 */
public final class ProfilesEditorViewModel {
    private final ProfilesModel profiles;
    private final ProfileFormViewModel form;
    private final ConnectionTester tester;
    private final Executor fx;
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyObjectWrapper<ConnectionTester.Result> testResult =
            new ReadOnlyObjectWrapper<>(this, "testResult");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");

    public ProfilesEditorViewModel(ProfilesModel profiles, ProfileFormViewModel form, ConnectionTester tester,
            Executor fx) {
        this.profiles = profiles;
        this.form = form;
        this.tester = tester;
        this.fx = fx;
        selected.addListener((obs, old, now) -> {
            testResult.set(null);
            if (now != null) {
                form.load(now);
            }
        });
        if (!profiles.profiles().isEmpty()) {
            selected.set(profiles.profiles().get(0));
        }
    }

    public ObservableList<Profile> profiles() {
        return profiles.profiles();
    }

    public ProfileFormViewModel form() {
        return form;
    }

    public ObjectProperty<Profile> selectedProperty() {
        return selected;
    }

    /** What the last action did, e.g. "Imported 3 profiles". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionTester.Result> testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public BooleanBinding canDelete() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().isLocalBroker(),
                selected);
    }

    public void select(String id) {
        profiles.find(id).ifPresent(selected::set);
    }

    public Profile add() {
        Profile created = Profile.create(uniqueName("New profile"), "localhost", 1883);
        profiles.put(created);
        selected.set(created);
        message.set("Added " + created.name());
        return created;
    }

    public void duplicate() {
        Profile source = selected.get();
        if (source == null) {
            return;
        }
        Profile copy = source.toBuilder().id(UUID.randomUUID().toString())
                .name(uniqueName(source.name() + " (copy)")).build();
        profiles.put(copy);
        selected.set(copy);
        message.set("Duplicated " + source.name());
    }

    public void delete() {
        Profile victim = selected.get();
        if (victim == null || victim.isLocalBroker()) {
            return;
        }
        int index = profiles.profiles().indexOf(victim);
        profiles.remove(victim.id());
        List<Profile> left = profiles.profiles();
        selected.set(left.isEmpty() ? null : left.get(Math.min(index, left.size() - 1)));
        message.set("Deleted " + victim.name());
    }

    /** Saves the form into the selected profile; false (nothing saved) while a field is invalid. */
    public boolean save() {
        return form.toProfile().map(p -> {
            profiles.put(p);
            selected.set(p);
            message.set("Saved " + p.name());
            return true;
        }).orElseGet(() -> {
            message.set("Fix the marked fields first");
            return false;
        });
    }

    public void importFrom(Path file) {
        profiles.importFrom(file).whenComplete((imported, error) -> fx.execute(() -> {
            if (error != null) {
                message.set("Could not import " + file.getFileName() + ": " + rootMessage(error));
                return;
            }
            profiles.putAll(imported);
            message.set("Imported " + imported.size() + (imported.size() == 1 ? " profile" : " profiles"));
            if (!imported.isEmpty()) {
                select(imported.get(0).id());
            }
        }));
    }

    public void exportTo(Path file, boolean includeSecrets) {
        List<Profile> all = List.copyOf(profiles.profiles());
        profiles.exportTo(file, all, includeSecrets).whenComplete((v, error) -> fx.execute(() -> message.set(
                error == null ? "Exported " + all.size() + " profiles to " + file.getFileName()
                        + (includeSecrets ? " (with passwords)" : " (without passwords)")
                        : "Could not export: " + rootMessage(error))));
    }

    /** Tries the form's profile in the background and reports the client core's words. */
    public void test() {
        var profile = form.toProfile();
        if (profile.isEmpty()) {
            testResult.set(new ConnectionTester.Result(false, "Fix the marked fields first"));
            return;
        }
        testing.set(true);
        testResult.set(null);
        tester.test(profile.get()).whenComplete((result, error) -> fx.execute(() -> {
            testing.set(false);
            testResult.set(error == null ? result : new ConnectionTester.Result(false, rootMessage(error)));
        }));
    }

    private String uniqueName(String wanted) {
        String name = wanted;
        for (int n = 2; nameTaken(name); n++) {
            name = wanted + " " + n;
        }
        return name;
    }

    private boolean nameTaken(String name) {
        return profiles.profiles().stream().anyMatch(p -> Objects.equals(p.name(), name));
    }

}
