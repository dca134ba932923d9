package dev.skeeter.ui.certs;

import dev.skeeter.certs.CertificateInspector;
import dev.skeeter.certs.Inspection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Tools → Inspect certificate: what a certificate, chain, key or PKCS#12 file (PEM or DER) holds, as {@code skeeter
 * cert inspect} prints it, with expired and soon-to-expire certificates flagged; optionally checked against a private
 * key and a CA. FX thread only; files are read in the background.
 */
public final class InspectCertificateViewModel {
    public final StringProperty file = new SimpleStringProperty(this, "file", "");
    public final StringProperty keyFile = new SimpleStringProperty(this, "keyFile", "");
    public final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    public final StringProperty password = new SimpleStringProperty(this, "password", "");

    private final Executor fx;
    private final Executor background;
    private final Clock clock;
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper(this, "report", "");
    private final ReadOnlyObjectWrapper<InspectionVerdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyBooleanWrapper needsPassword = new ReadOnlyBooleanWrapper(this, "needsPassword");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public InspectCertificateViewModel(Executor fx, Executor background, Clock clock) {
        this.fx = fx;
        this.background = background;
        this.clock = clock;
    }

    /** The full report, or empty. */
    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The headline: valid, expiring soon, or what is wrong; null before the first inspection. */
    public ReadOnlyObjectProperty<InspectionVerdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** True when the file (a PKCS#12 bundle or an encrypted key) needs a password to be read whole. */
    public ReadOnlyBooleanProperty needsPasswordProperty() {
        return needsPassword.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Opens {@code chosen} and inspects it at once. */
    public void inspect(Path chosen) {
        file.set(chosen.toString());
        inspect();
    }

    public void inspect() {
        if (file.get() == null || file.get().isBlank()) {
            verdict.set(new InspectionVerdict(InspectionVerdict.Level.ERROR, "Choose a file to inspect."));
            return;
        }
        CertificateInspector.Request request = new CertificateInspector.Request(Path.of(file.get().trim()),
                optional(keyFile.get()), password.get().isEmpty() ? null : password.get().toCharArray(),
                optional(caFile.get()));
        busy.set(true);
        CompletableFuture.supplyAsync(() -> {
            try {
                return CertificateInspector.inspect(request);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        }, background).whenComplete((inspection, failure) -> fx.execute(() -> show(inspection, failure)));
    }

    private void show(Inspection inspection, Throwable failure) {
        busy.set(false);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            report.set("");
            needsPassword.set(false);
            verdict.set(new InspectionVerdict(InspectionVerdict.Level.ERROR, "Cannot read it: " + cause.getMessage()));
            return;
        }
        report.set(inspection.toText(clock.instant()));
        needsPassword.set(needsPassword.get() || inspection.notes().stream()
                .anyMatch(n -> n.contains("password") || n.contains("passphrase")));
        verdict.set(InspectionVerdict.of(inspection, clock.instant()));
    }

    private static Path optional(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.trim());
    }
}
