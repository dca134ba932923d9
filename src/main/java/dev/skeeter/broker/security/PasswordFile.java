package dev.skeeter.broker.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mosquitto password file: {@code user:$7$...} or {@code user:$6$...} lines, {@code #} comments and blank lines.
 * {@link #load} reads it for the broker (every problem reported, with file and line); {@link #edit} opens it for
 * {@code skeeter passwd}, which keeps comments and the order of the lines. Not thread-safe while being edited.
 */
public final class PasswordFile {
    private final Path file;
    /** Each line as read or written; a user's line is {@code user:hash}. */
    private final List<String> lines;

    private PasswordFile(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * Reads the users and their hashes.
     *
     * @throws SecurityFileException naming each malformed line (plain-text passwords included: they are for
     *                               {@code skeeter passwd -U})
     */
    public static Map<String, PasswordHash> load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, PasswordHash> users = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isCommentOrBlank(line)) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            int colon = line.indexOf(':');
            String user = colon < 0 ? "" : line.substring(0, colon).strip();
            String hash = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (user.isEmpty() || hash.isEmpty()) {
                problems.add(where + "expected 'username:password hash'");
                continue;
            }
            if (!PasswordHash.isHashed(hash)) {
                problems.add(where + "the password of '" + user + "' is not hashed; hash the file with "
                        + "'skeeter passwd -U " + file + "'");
                continue;
            }
            try {
                users.put(user, PasswordHash.parse(hash));
            } catch (IllegalArgumentException e) {
                problems.add(where + "the password hash of '" + user + "' is invalid: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new SecurityFileException(problems);
        }
        return Collections.unmodifiableMap(users);
    }

    /** Opens an existing file for changes. */
    public static PasswordFile edit(Path file) throws IOException {
        return new PasswordFile(file, new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)));
    }

    /** Starts an empty file (written over any existing one by {@link #save}). */
    public static PasswordFile create(Path file) {
        return new PasswordFile(file, new ArrayList<>());
    }

    /** Sets a user's password, in place when the user exists, else at the end. */
    public void put(String username, PasswordHash hash) {
        int index = indexOf(username);
        String line = username + ":" + hash;
        if (index < 0) {
            lines.add(line);
        } else {
            lines.set(index, line);
        }
    }

    /** Removes a user; false when there was none. */
    public boolean remove(String username) {
        int index = indexOf(username);
        if (index >= 0) {
            lines.remove(index);
        }
        return index >= 0;
    }

    /**
     * Hashes every plain-text password ({@code -U}). Lines already hashed are left alone (mosquitto_passwd 2.0
     * would hash the hash). Returns how many were hashed.
     *
     * @throws SecurityFileException when a line is not {@code user:password}
     */
    public int hashPlainPasswords(PasswordHash.Type type, int iterations) throws SecurityFileException {
        List<String> problems = new ArrayList<>();
        int hashed = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isCommentOrBlank(line)) {
                continue;
            }
            int colon = line.indexOf(':');
            String user = colon < 0 ? "" : line.substring(0, colon).strip();
            String password = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (user.isEmpty() || password.isEmpty()) {
                problems.add(file + ":" + (i + 1) + ": expected 'username:password'");
            } else if (!PasswordHash.isHashed(password)) {
                lines.set(i, user + ":" + PasswordHash.create(password, type, iterations));
                hashed++;
            }
        }
        if (!problems.isEmpty()) {
            throw new SecurityFileException(problems);
        }
        return hashed;
    }

    /** The user names, in file order. */
    public List<String> usernames() {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (!isCommentOrBlank(line) && colon > 0) {
                names.add(line.substring(0, colon).strip());
            }
        }
        return names;
    }

    /** Writes atomically, keeping the file's mode (0600 for a new file). */
    public void save() throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        AtomicFiles.write(file, text.toString());
    }

    /**
     * Null when {@code username} can be written to a password file, else why not (mosquitto_passwd's rules).
     */
    public static String usernameProblem(String username) {
        if (username.isEmpty()) {
            return "Username must not be empty.";
        }
        if (username.length() > 65_535) {
            return "Username must be less than 65536 characters long.";
        }
        if (username.chars().anyMatch(Character::isISOControl)) {
            return "Username must not contain control characters.";
        }
        if (username.indexOf(':') >= 0) {
            return "Username must not contain the ':' character.";
        }
        return null;
    }

    private int indexOf(String username) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (!isCommentOrBlank(line) && colon > 0 && line.substring(0, colon).strip().equals(username)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isCommentOrBlank(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }
}
