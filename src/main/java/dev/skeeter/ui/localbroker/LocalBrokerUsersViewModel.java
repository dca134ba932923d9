package dev.skeeter.ui.localbroker;

import dev.skeeter.broker.ListenerSecurity;
import dev.skeeter.broker.security.PasswordFile;
import dev.skeeter.broker.security.PasswordHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Who may use the local broker: anyone (anonymous clients, the default), or only the users of its password file
 * (mosquitto's format, {@code $7$} hashes), with a way to add users. Changes apply to a running broker at once
 * (its files are reloaded without dropping clients). FX thread only; file work runs on the background executor.
 */
public final class LocalBrokerUsersViewModel {
    private final Path passwordFile;
    private final LocalBrokerService service;
    private final Executor fx;
    private final Executor background;
    private final BooleanProperty requireLogin = new SimpleBooleanProperty(this, "requireLogin");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ObservableList<String> users = FXCollections.observableArrayList();

    public LocalBrokerUsersViewModel(Path passwordFile, LocalBrokerService service, Executor fx, Executor background) {
        this.passwordFile = passwordFile;
        this.service = service;
        this.fx = fx;
        this.background = background;
        requireLogin.addListener((obs, old, now) -> apply());
        loadUsers();
    }

    public BooleanProperty requireLoginProperty() {
        return requireLogin;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<String> users() {
        return users;
    }

    public Path passwordFile() {
        return passwordFile;
    }

    /** Adds the user (or changes its password) in the password file; the password field is cleared. */
    public CompletableFuture<Void> addUser() {
        String name = username.get() == null ? "" : username.get().trim();
        String secret = password.get() == null ? "" : password.get();
        String problem = PasswordFile.usernameProblem(name);
        if (problem == null && secret.isEmpty()) {
            problem = "Enter a password.";
        }
        if (problem != null) {
            message.set(problem);
            return CompletableFuture.completedFuture(null);
        }
        password.set("");
        return CompletableFuture.runAsync(() -> {
            try {
                PasswordFile file = Files.exists(passwordFile) ? PasswordFile.edit(passwordFile)
                        : PasswordFile.create(passwordFile);
                file.put(name, PasswordHash.create(secret, PasswordHash.Type.SHA512_PBKDF2,
                        PasswordHash.DEFAULT_ITERATIONS));
                Files.createDirectories(passwordFile.toAbsolutePath().getParent());
                file.save();
                List<String> names = file.usernames();
                List<String> problems = service.reloadSecurity();
                fx.execute(() -> {
                    users.setAll(names);
                    username.set("");
                    message.set(problems.isEmpty() ? "Added " + name + " to " + passwordFile
                            : String.join("; ", problems));
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> message.set("Could not write " + passwordFile + ": " + e.getMessage()));
            }
        }, background);
    }

    /** The settings for the broker: anonymous clients, or only the password file's users. */
    ListenerSecurity security() {
        return requireLogin.get()
                ? ListenerSecurity.DEFAULTS.withAllowAnonymous(false).withPasswordFile(passwordFile)
                : ListenerSecurity.DEFAULTS;
    }

    private void apply() {
        ListenerSecurity security = security();
        if (requireLogin.get() && !Files.exists(passwordFile)) {
            message.set("Add a user: without one nobody can connect.");
        }
        background.execute(() -> {
            try {
                if (security.passwordFile() != null && !Files.exists(passwordFile)) {
                    Files.createDirectories(passwordFile.toAbsolutePath().getParent());
                    PasswordFile.create(passwordFile).save();
                }
                service.security(security);
                List<String> problems = service.reloadSecurity();
                if (!problems.isEmpty()) {
                    fx.execute(() -> message.set(String.join("; ", problems)));
                }
            } catch (IOException e) {
                fx.execute(() -> message.set("Could not write " + passwordFile + ": " + e.getMessage()));
            }
        });
    }

    private void loadUsers() {
        background.execute(() -> {
            if (!Files.exists(passwordFile)) {
                return;
            }
            try {
                List<String> names = PasswordFile.edit(passwordFile).usernames();
                fx.execute(() -> users.setAll(names));
            } catch (IOException e) {
                fx.execute(() -> message.set("Could not read " + passwordFile + ": " + e.getMessage()));
            }
        });
    }
}
