package dev.skeeter.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a certificate command body: user errors are one line on stderr and exit code 1. */
final class CertRun {
    interface Body {
        void run() throws CertIssuing.CertError;
    }

    private CertRun() {
    }

    static int run(CommandSpec spec, Body body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            body.run();
            spec.commandLine().getOut().flush();
            return 0;
        } catch (CertIssuing.CertError | IllegalArgumentException e) {
            err.println("skeeter cert " + spec.name() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
