package dev.skeeter.cli;

import dev.skeeter.broker.security.PasswordFile;
import dev.skeeter.broker.security.PasswordHash;
import dev.skeeter.broker.security.SecurityFileException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code skeeter passwd}: manages mosquitto password files as {@code mosquitto_passwd} 2 does, with its flags, error
 * lines and exit codes; files it writes work in mosquitto 2 and the other way round. Unlike mosquitto_passwd it
 * writes atomically (a temporary file renamed over the old one, keeping its mode), keeps comments, and {@code -U}
 * leaves lines that are already hashed alone.
 */
@Command(
        name = "passwd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpWidth = 120,
        description = {"Manage password files for the broker (and for mosquitto), like mosquitto_passwd.",
            "Without -b the password is asked twice at a hidden prompt."},
        customSynopsis = {
            "skeeter passwd [-H sha512 | -H sha512-pbkdf2] [-I iterations] [-c | -D] passwordfile username",
            "       skeeter passwd [-H sha512 | -H sha512-pbkdf2] [-I iterations] [-c] -b passwordfile username "
                    + "password",
            "       skeeter passwd -U passwordfile"},
        footer = {"", "Examples (as in the mosquitto guide):",
            "  skeeter passwd -c /etc/mosquitto/pwfile alice        create the file with user alice (asks twice)",
            "  skeeter passwd -b /etc/mosquitto/pwfile bob s3cret   add or change bob, password on the command line",
            "  skeeter passwd -D /etc/mosquitto/pwfile bob          delete bob",
            "  skeeter passwd -U plain.txt                          hash a file of user:password lines in place",
            "Then 'password_file /etc/mosquitto/pwfile' and 'allow_anonymous false' in the broker's config file,",
            "and kill -HUP the broker (or restart it) to load the changes."})
public final class PasswdCommand implements Callable<Integer> {
    @Option(names = "-c", description = "Create a new password file; overwrites an existing one.")
    private boolean create;
    @Option(names = "-b", description = "Batch mode: the password is the last argument.")
    private boolean batch;
    @Option(names = "-D", description = "Delete the user instead of adding or updating it.")
    private boolean delete;
    @Option(names = "-U", description = "Hash the plain-text passwords of a user:password file.")
    private boolean update;
    @Option(names = "-H", paramLabel = "HASH", description = "sha512-pbkdf2 (default, $7$) or sha512 ($6$, "
            + "mosquitto 1.6's).")
    private String hash;
    @Option(names = "-I", paramLabel = "ITERATIONS", description = "PBKDF2 iterations (default: 101, as "
            + "mosquitto_passwd).")
    private String iterationsText;
    @Parameters(arity = "0..*", hidden = true)
    private List<String> arguments = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    /** Test hook: where a password is read when there is no console (tests feed it; a pipe works too). */
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));

    /** mosquitto_passwd's parsing: "-I -b" reads "-b" as the count; an unknown flag is an argument. */
    static void configure(CommandLine root) {
        CommandLine passwd = root.getSubcommands().get("passwd");
        passwd.setAllowOptionsAsOptionParameters(true);
        passwd.setUnmatchedOptionsArePositionalParams(true);
        CommandLine.IParameterExceptionHandler others = root.getParameterExceptionHandler();
        root.setParameterExceptionHandler((e, args) -> {
            if (e.getCommandLine() != passwd) {
                return others.handleParseException(e, args);
            }
            String option = e instanceof CommandLine.MissingParameterException missing
                    && !missing.getMissing().isEmpty() ? missing.getMissing().get(0).paramLabel() : null;
            PrintWriter err = e.getCommandLine().getErr();
            if (option != null && e.getMessage().contains("'-H'")) {
                err.println("Error: -H argument given but not enough other arguments.");
            } else if (option != null && e.getMessage().contains("'-I'")) {
                err.println("Error: -I argument given but not enough other arguments.");
            } else {
                err.println("Error: " + e.getMessage());
            }
            err.flush();
            return 1;
        });
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        PasswordHash.Type type = PasswordHash.Type.SHA512_PBKDF2;
        if (hash != null) {
            type = PasswordHash.Type.ofOption(hash);
            if (type == null) {
                err.println("Error: Unknown hash type '" + hash + "'");
                return 1;
            }
        }
        int iterations = PasswordHash.DEFAULT_ITERATIONS;
        if (iterationsText != null) {
            iterations = parseIterations(iterationsText);
            if (iterations < 1) {
                err.println("Error: Number of iterations must be > 0.");
                return 1;
            }
        }
        String conflict = conflict();
        if (conflict != null) {
            err.println("Error: " + conflict + " cannot be used together.");
            return 1;
        }
        int needed = update ? 1 : batch ? 3 : 2;
        if (arguments.size() != needed) {
            String missing = missing();
            if (missing != null && arguments.size() < needed) {
                err.println("Error: " + missing);
            } else {
                spec.commandLine().usage(out);
            }
            return 1;
        }
        Path file = Path.of(arguments.get(0));
        if (update) {
            return hashPlainPasswords(file, type, iterations, err);
        }
        String username = arguments.get(1);
        String problem = PasswordFile.usernameProblem(username);
        if (problem != null) {
            err.println("Error: " + problem);
            return 1;
        }
        if (delete) {
            return deleteUser(file, username, err);
        }
        String password = batch ? arguments.get(2) : null;
        if (password != null && password.length() > 65_535) {
            err.println("Error: Password must be less than 65536 characters long.");
            return 1;
        }
        try {
            PasswordFile passwords = create ? PasswordFile.create(file) : PasswordFile.edit(file);
            if (password == null) {
                password = askTwice(out, err);
                if (password == null) {
                    return lastPromptError;
                }
            }
            passwords.put(username, PasswordHash.create(password, type, iterations));
            passwords.save();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("Error: Unable to open password file " + file + ". No such file or directory (use -c to "
                    + "create it).");
            return 1;
        } catch (IOException e) {
            err.println("Error: Unable to write password file " + file + ". " + e.getMessage() + ".");
            return 1;
        }
    }

    private int hashPlainPasswords(Path file, PasswordHash.Type type, int iterations, PrintWriter err) {
        try {
            PasswordFile passwords = PasswordFile.edit(file);
            passwords.hashPlainPasswords(type, iterations);
            passwords.save();
            return 0;
        } catch (SecurityFileException e) {
            e.problems().forEach(p -> err.println("Error: Corrupt password file: " + p));
            return 1;
        } catch (NoSuchFileException e) {
            err.println("Error: Unable to open password file " + file + ". No such file or directory.");
            return 1;
        } catch (IOException e) {
            err.println("Error: Unable to update password file " + file + ". " + e.getMessage() + ".");
            return 1;
        }
    }

    private int deleteUser(Path file, String username, PrintWriter err) {
        try {
            PasswordFile passwords = PasswordFile.edit(file);
            if (!passwords.remove(username)) {
                err.println("Warning: User " + username + " not found in password file.");
                return 1;
            }
            passwords.save();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("Error: Unable to open password file " + file + ". No such file or directory.");
            return 1;
        } catch (IOException e) {
            err.println("Error: Unable to update password file " + file + ". " + e.getMessage() + ".");
            return 1;
        }
    }

    private int lastPromptError = 1;

    /** mosquitto_passwd's prompts and errors; exit 1 for an empty password, 2 when the two differ. */
    private String askTwice(PrintWriter out, PrintWriter err) throws IOException {
        String first = ask("Password: ", out);
        if (first == null || first.isEmpty()) {
            err.println("Error: Empty password.");
            lastPromptError = 1;
            return null;
        }
        String second = ask("Reenter password: ", out);
        if (second == null || second.isEmpty()) {
            err.println("Error: Empty password.");
            lastPromptError = 1;
            return null;
        }
        if (!first.equals(second)) {
            err.println("Error: Passwords do not match.");
            lastPromptError = 2;
            return null;
        }
        return first;
    }

    /** Hidden on a terminal; from standard input otherwise (a pipe), as mosquitto_passwd reads it. */
    private String ask(String prompt, PrintWriter out) throws IOException {
        Console console = System.console();
        String line;
        if (console != null) {
            // The console turns echo off before it prints the prompt: nothing typed early is ever shown.
            char[] typed = console.readPassword("%s", prompt);
            line = typed == null ? null : new String(typed);
        } else {
            out.print(prompt);
            out.flush();
            line = input.readLine();
        }
        out.println();
        out.flush();
        return line;
    }

    private String conflict() {
        if (create && delete) {
            return "-c and -D";
        }
        if (create && update) {
            return "-c and -U";
        }
        if (delete && update) {
            return "-D and -U";
        }
        if (delete && batch) {
            return "-b and -D";
        }
        return null;
    }

    private String missing() {
        if (create) {
            return batch ? "-c argument given but password file, username, or password missing."
                    : "-c argument given but password file or username missing.";
        }
        if (delete) {
            return "-D argument given but password file or username missing.";
        }
        if (update) {
            return "-U argument given but password file missing.";
        }
        return null;
    }

    private static int parseIterations(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
