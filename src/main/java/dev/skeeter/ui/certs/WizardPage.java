package dev.skeeter.ui.certs;

/** The certificate wizard's pages, in order. */
public enum WizardPage {
    CA("Certificate authority"), SERVER("Server certificate"), CLIENTS("Client certificates"), OUTPUT("Files"),
    DONE("Done");

    private final String title;

    WizardPage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
