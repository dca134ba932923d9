package dev.skeeter.ui.certs;

import dev.skeeter.certs.SubjectAltNames;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the wizard's text fields, each failing with the sentence the page shows under its buttons. Stateless.
 */
final class WizardInputs {
    private WizardInputs() {
    }

    static int days(String text, String what) {
        try {
            int days = Integer.parseInt(text == null ? "" : text.trim());
            if (days >= 1 && days <= 36_500) {
                return days;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(what + ": enter a number of days from 1 to 36500.");
    }

    static int port(String text) {
        try {
            int port = Integer.parseInt(text == null ? "" : text.trim());
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("TLS port: enter a number from 1 to 65535.");
    }

    static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty.");
        }
        return text.trim();
    }

    static Path path(String text, String what) {
        try {
            return Path.of(required(text, what)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(what + " is not a valid path: " + e.getMessage());
        }
    }

    /** Host names and addresses, comma, space or line separated, checked as the certificate needs them. */
    static List<String> serverNames(String text) {
        List<String> names = SubjectAltNames.split(text == null ? "" : text);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Names and addresses: enter at least one, e.g. localhost.");
        }
        try {
            return SubjectAltNames.normalize(names);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Names and addresses: " + e.getMessage());
        }
    }

    /** One client per line or comma; each gets its own files, so their file names must differ from each other's. */
    static List<String> clientNames(String text) {
        List<String> names = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,\\n]")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Enter the common name of at least one client, e.g. alice.");
        }
        Set<String> stems = new HashSet<>(List.of("ca", "server"));
        for (String name : names) {
            String stem = WizardSettings.clientStem(name);
            if (!stems.add(stem)) {
                throw new IllegalArgumentException("'" + name + "' would be written as " + stem + ".crt, which "
                        + (stem.equals("ca") || stem.equals("server") ? "the " + stem + " certificate uses"
                        : "another client uses") + ": choose another name.");
            }
        }
        return names;
    }
}
