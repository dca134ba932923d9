package dev.skeeter.ui.certs;

import dev.skeeter.certs.CertificateFiles;
import dev.skeeter.certs.PemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The wizard's "load an existing CA" fields: as soon as a file is chosen it says what the certificate is and whether
 * the key is encrypted (then the page asks for its passphrase). FX thread only; files are read in the background.
 */
public final class ExistingCaFiles {
    public final StringProperty certificate = new SimpleStringProperty(this, "certificate", "");
    public final StringProperty key = new SimpleStringProperty(this, "key", "");
    public final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final ReadOnlyBooleanWrapper keyEncrypted = new ReadOnlyBooleanWrapper(this, "keyEncrypted");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final Executor fx;
    private final Executor background;

    ExistingCaFiles(Executor fx, Executor background) {
        this.fx = fx;
        this.background = background;
        certificate.addListener((obs, old, now) -> describe(now));
        key.addListener((obs, old, now) -> checkKey(now));
    }

    /** True when the chosen key is encrypted. */
    public ReadOnlyBooleanProperty keyEncryptedProperty() {
        return keyEncrypted.getReadOnlyProperty();
    }

    /** The chosen certificate in one line (subject and expiry, or what is wrong with the file). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    void markEncrypted() {
        keyEncrypted.set(true);
    }

    private void describe(String path) {
        if (path == null || path.isBlank()) {
            summary.set("");
            return;
        }
        Path file = Path.of(path.trim());
        CompletableFuture.supplyAsync(() -> CertificateFiles.describe(file), background)
                .thenAccept(text -> fx.execute(() -> {
                    if (path.equals(certificate.get())) {
                        summary.set(text);
                    }
                }));
    }

    private void checkKey(String path) {
        if (path == null || path.isBlank()) {
            keyEncrypted.set(false);
            return;
        }
        Path file = Path.of(path.trim());
        CompletableFuture.supplyAsync(() -> {
            try {
                return PemFiles.isEncryptedKey(file);
            } catch (IOException | RuntimeException e) {
                return false; // loading the CA on Next says what is wrong with the file
            }
        }, background).thenAccept(encrypted -> fx.execute(() -> {
            if (path.equals(key.get())) {
                keyEncrypted.set(encrypted);
            }
        }));
    }
}
