package dev.skeeter.cli;

import dev.skeeter.Version;
import picocli.CommandLine;

/** Gives every command the same {@code --version} text. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "skeeter " + Version.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
