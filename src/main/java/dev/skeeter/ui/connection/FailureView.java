package dev.skeeter.ui.connection;

import dev.skeeter.certs.CertificateSummary;
import dev.skeeter.client.ConnectionFailure;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** Shows the client core's explanation of a failed connection in the workspace, with the server's chain for TLS. */
final class FailureView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("UTC"));

    private final VBox root = new VBox(6);
    private final Label summary = new Label();
    private final Label detail = new Label();
    private final TextArea chain = new TextArea();
    private final TitledPane chainPane = new TitledPane("Server certificate chain", chain);
    private final TitledPane detailPane = new TitledPane("Technical details", detail);

    FailureView(ObservableValue<ConnectionFailure> failure, Runnable dismiss) {
        root.setId("failure-pane");
        root.getStyleClass().add("failure-pane");
        summary.setId("failure-summary");
        summary.getStyleClass().add("failure-summary");
        summary.setWrapText(true);
        detail.setId("failure-detail");
        detail.getStyleClass().add("failure-detail");
        detail.setWrapText(true);
        chain.setId("failure-chain");
        chain.setEditable(false);
        chain.setPrefRowCount(6);
        chain.getStyleClass().add("certificate-text");
        chainPane.setExpanded(true);
        detailPane.setExpanded(false);
        detailPane.setId("failure-detail-pane");
        javafx.scene.control.Button close = new javafx.scene.control.Button("Dismiss");
        close.setId("failure-dismiss");
        close.setOnAction(e -> dismiss.run());
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(10, summary, close);
        javafx.scene.layout.HBox.setHgrow(summary, javafx.scene.layout.Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        root.getChildren().setAll(head, chainPane, detailPane);
        failure.addListener((obs, old, now) -> show(now));
        show(failure.getValue());
    }

    Node root() {
        return root;
    }

    private void show(ConnectionFailure f) {
        root.setVisible(f != null);
        root.setManaged(f != null);
        if (f == null) {
            return;
        }
        summary.setText(f.summary());
        boolean hasDetail = f.detail() != null && !f.detail().isBlank() && !f.detail().equals(f.summary());
        detail.setText(hasDetail ? f.detail() : "");
        detailPane.setManaged(hasDetail);
        detailPane.setVisible(hasDetail);
        List<CertificateSummary> certs = f.serverChain() == null ? List.of() : f.serverChain();
        chainPane.setVisible(!certs.isEmpty());
        chainPane.setManaged(!certs.isEmpty());
        chain.setText(describe(certs));
    }

    static String describe(List<CertificateSummary> chain) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            CertificateSummary c = chain.get(i);
            if (i > 0) {
                text.append('\n');
            }
            text.append('#').append(i).append("  ").append(c.subject()).append('\n')
                    .append("    issued by ").append(c.issuer()).append('\n')
                    .append("    valid ").append(DATE.format(c.notBefore())).append(" to ")
                    .append(DATE.format(c.notAfter())).append('\n');
            if (c.subjectAltNames() != null && !c.subjectAltNames().isEmpty()) {
                text.append("    names ").append(String.join(", ", c.subjectAltNames())).append('\n');
            }
            String sha = c.sha256Fingerprint() == null ? "" : c.sha256Fingerprint();
            int half = Math.min(sha.length(), (sha.length() + 1) / 3 / 2 * 3); // two lines, cut after a colon
            text.append("    SHA-256 ").append(sha, 0, half).append('\n');
            if (half < sha.length()) {
                text.append("            ").append(sha.substring(half)).append('\n');
            }
        }
        return text.toString();
    }
}
