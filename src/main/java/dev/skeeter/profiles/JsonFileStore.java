package dev.skeeter.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One JSON file holding one value, written atomically and never clobbered when it cannot be understood.
 *
 * <p>File shape: the value's JSON object with a {@value #SCHEMA_FIELD} field added first. Rules:
 * <ul>
 *   <li>A missing file loads as {@code empty()}, writable.</li>
 *   <li>A file that cannot be parsed loads as {@code empty()}, read-only, with a problem naming the file and why;
 *       {@link #save} refuses to replace it for as long as it stays unparsable.</li>
 *   <li>A file with a newer schema version loads as well as it can (unknown fields are ignored) but read-only,
 *       and is never rewritten by this version.</li>
 *   <li>{@link #save} writes a temp file in the same directory, created with mode 0600 before any byte is
 *       written, fsyncs it and moves it over the old file with {@code ATOMIC_MOVE}: readers see the old file or
 *       the new one, never half of either.</li>
 * </ul>
 * Thread-safe: loads and saves are serialised on the store.
 *
 * @param <T> the value type; must serialise to a JSON object (a record, typically)
 */
public final class JsonFileStore<T> {
    public static final String SCHEMA_FIELD = "schemaVersion";

    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final Class<T> type;
    private final int schemaVersion;
    private final Supplier<T> empty;
    private final ObjectMapper mapper = StoreMapper.create();
    /** Test seam: wraps the temp file's stream, e.g. to fail half-way through a write. */
    private final UnaryOperator<OutputStream> streamDecorator;

    /** What {@link #load()} found: the value, whether it may be saved over, and why not. */
    public record Loaded<T>(T value, boolean readOnly, Optional<String> problem) {
        public Loaded {
            Objects.requireNonNull(value, "value");
            problem = problem == null ? Optional.empty() : problem;
        }
    }

    /** Thrown by {@link #save} when the file on disk must not be replaced; the message says which and why. */
    public static final class ReadOnlyFileException extends IOException {
        public ReadOnlyFileException(String message) {
            super(message);
        }
    }

    public JsonFileStore(Path file, Class<T> type, int schemaVersion, Supplier<T> empty) {
        this(file, type, schemaVersion, empty, UnaryOperator.identity());
    }

    JsonFileStore(Path file, Class<T> type, int schemaVersion, Supplier<T> empty,
            UnaryOperator<OutputStream> streamDecorator) {
        this.file = file.toAbsolutePath();
        this.type = Objects.requireNonNull(type, "type");
        this.schemaVersion = schemaVersion;
        this.empty = Objects.requireNonNull(empty, "empty");
        this.streamDecorator = streamDecorator;
    }

    public Path file() {
        return file;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Reads the file; never throws for a bad or unreadable file, the problem is reported in the result. */
    public synchronized Loaded<T> load() {
        return inspect();
    }

    /**
     * Replaces the file with {@code value}, atomically.
     *
     * @throws ReadOnlyFileException when the current file cannot be parsed or has a newer schema version
     * @throws IOException when writing fails; the old file is then left as it was
     */
    public synchronized void save(T value) throws IOException {
        save(value, false);
    }

    /**
     * As {@link #save(Object)}; with {@code replaceUnreadable} a file that cannot be read is replaced too. Only for
     * a file the user explicitly chose to overwrite, such as an export target.
     */
    synchronized void save(T value, boolean replaceUnreadable) throws IOException {
        Objects.requireNonNull(value, "value");
        Loaded<T> current = replaceUnreadable ? null : inspect();
        if (current != null && current.readOnly()) {
            throw new ReadOnlyFileException(current.problem().orElse(file + " is read-only.")
                    + " Not saving, so it is left as it is.");
        }
        ObjectNode root = mapper.createObjectNode();
        root.put(SCHEMA_FIELD, schemaVersion);
        JsonNode tree = mapper.valueToTree(value);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException(type.getSimpleName() + " does not serialise to a JSON object");
        }
        object.remove(SCHEMA_FIELD);
        root.setAll(object);
        writeAtomically(root);
    }

    private void writeAtomically(JsonNode root) throws IOException {
        Path dir = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
            } else {
                Files.createDirectories(dir);
            }
        }
        // The mode is given at creation: there is no moment where the secrets sit in a world-readable file.
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", attrs);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = streamDecorator.apply(Channels.newOutputStream(channel));
                mapper.writeValue(out, root);
                out.write('\n');
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("Cannot replace " + file + " atomically: " + e.getMessage(), e);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Makes the rename itself durable on Linux; other platforms cannot open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort only: the data itself is already fsync'd.
        }
    }

    private Loaded<T> inspect() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded<>(empty.get(), false, Optional.empty());
        } catch (AccessDeniedException e) {
            return problem("Cannot read " + file + ": permission denied.");
        } catch (IOException e) {
            return problem("Cannot read " + file + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            return problem(file + " is not valid JSON (" + describe(e) + ").");
        } catch (IOException e) {
            return problem("Cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return problem(file + " is empty.");
        }
        if (!root.isObject()) {
            return problem(file + " does not hold a JSON object.");
        }
        JsonNode version = root.get(SCHEMA_FIELD);
        if (version == null || !version.canConvertToInt()) {
            return problem(file + " has no \"" + SCHEMA_FIELD + "\" number, so it is not a Skeeter file.");
        }
        int found = version.asInt();
        boolean newer = found > schemaVersion;
        T value;
        try {
            ObjectNode data = ((ObjectNode) root).deepCopy();
            data.remove(SCHEMA_FIELD);
            value = mapper.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = file + " cannot be read as " + type.getSimpleName() + " (" + describe(e) + ")"
                    + (newer ? "; it was written by a newer Skeeter (schema " + found + ")." : ".");
            return problem(why);
        }
        if (value == null) {
            return problem(file + " holds null.");
        }
        if (newer) {
            return new Loaded<>(value, true, Optional.of(file + " was written by a newer Skeeter (schema version "
                    + found + ", this one knows " + schemaVersion + "); it is opened read-only."));
        }
        return new Loaded<>(value, false, Optional.empty());
    }

    private Loaded<T> problem(String why) {
        return new Loaded<>(empty.get(), true, Optional.of(why));
    }

    private static String describe(Exception e) {
        if (e instanceof JsonProcessingException jpe) {
            var where = jpe.getLocation();
            String message = jpe.getOriginalMessage();
            int cut = message.indexOf('\n');
            message = cut >= 0 ? message.substring(0, cut) : message;
            return where == null || where.getLineNr() < 0 ? message
                    : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + message;
        }
        return e.getMessage();
    }
}
