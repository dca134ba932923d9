package dev.skeeter.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The user's connection profiles in {@code profiles.json}, following {@link JsonFileStore}'s rules. The built-in
 * "Local broker" profile ({@link Profile#LOCAL_BROKER_ID}) is always present and always first: it is added when
 * the file lacks it and put back when a caller saves a list without it. Its stored copy wins, so a changed port
 * is kept.
 *
 * <p>Thread-safe. Saving does file I/O: call it off the FX thread.
 */
public final class ProfileStore {
    public static final int DEFAULT_LOCAL_BROKER_PORT = 1883;

    private final JsonFileStore<ProfileFile> store;
    private List<Profile> profiles;
    private boolean readOnly;
    private Optional<String> problem;

    private ProfileStore(Path file) {
        store = new JsonFileStore<>(file, ProfileFile.class, ProfileFile.SCHEMA_VERSION, ProfileFile::empty);
        reload();
    }

    /** Opens (reads) the profiles file; never throws for a bad file, see {@link #problem()}. */
    public static ProfileStore open(Path file) {
        return new ProfileStore(file);
    }

    /** Opens {@link ConfigDirectories#profilesFile()}. */
    public static ProfileStore openDefault() {
        return open(ConfigDirectories.profilesFile());
    }

    /** Reads the file again, e.g. after the user fixed it by hand. */
    public synchronized void reload() {
        JsonFileStore.Loaded<ProfileFile> loaded = store.load();
        profiles = withLocalBroker(loaded.value().profiles());
        readOnly = loaded.readOnly();
        problem = loaded.problem();
    }

    public Path file() {
        return store.file();
    }

    /** The profiles, Local broker first. */
    public synchronized List<Profile> profiles() {
        return profiles;
    }

    public synchronized Optional<Profile> find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** True when the file could not be parsed or is from a newer Skeeter: nothing will be written. */
    public synchronized boolean isReadOnly() {
        return readOnly;
    }

    /** Why the file could not be used, naming the file; empty when all is well. */
    public synchronized Optional<String> problem() {
        return problem;
    }

    /** Replaces all profiles and writes the file. */
    public synchronized void saveAll(List<Profile> newProfiles) throws IOException {
        List<Profile> complete = withLocalBroker(newProfiles);
        store.save(new ProfileFile(complete));
        profiles = complete;
    }

    /** Adds the profile, or replaces the one with the same id, and writes the file. */
    public synchronized void save(Profile profile) throws IOException {
        List<Profile> next = new ArrayList<>(profiles);
        int at = indexOf(next, profile.id());
        if (at >= 0) {
            next.set(at, profile);
        } else {
            next.add(profile);
        }
        saveAll(next);
    }

    /** Removes a profile and writes the file; the Local broker cannot be deleted. Returns whether one was removed. */
    public synchronized boolean delete(String id) throws IOException {
        if (Profile.LOCAL_BROKER_ID.equals(id)) {
            throw new IllegalArgumentException("The built-in Local broker profile cannot be deleted");
        }
        List<Profile> next = new ArrayList<>(profiles);
        boolean removed = next.removeIf(p -> p.id().equals(id));
        if (removed) {
            saveAll(next);
        }
        return removed;
    }

    /**
     * Writes the given profiles to {@code file} in the profiles file format (atomically, mode 0600). Without
     * {@code includeSecrets}, passwords, key passphrases, store passwords and proxy passwords are left out. An
     * existing file is replaced whatever it holds: the user chose it as the target.
     */
    public void exportTo(Path file, List<Profile> toExport, boolean includeSecrets) throws IOException {
        List<Profile> out = includeSecrets ? List.copyOf(toExport)
                : toExport.stream().map(ProfileSecrets::strip).toList();
        new JsonFileStore<>(file, ProfileFile.class, ProfileFile.SCHEMA_VERSION, ProfileFile::empty)
                .save(new ProfileFile(out), true);
    }

    /**
     * Reads an export file, adds its profiles to this store and writes the file. A profile whose id is already
     * used (here or earlier in the same file) gets a new id; a Local broker profile in the file is skipped (this
     * install has its own).
     *
     * @return the profiles added, with their final ids
     * @throws IOException when the file cannot be read or parsed (the message names it), or this store is
     *         read-only
     */
    public synchronized List<Profile> importFrom(Path file) throws IOException {
        if (readOnly) {
            throw new JsonFileStore.ReadOnlyFileException(problem.orElse(store.file() + " is read-only.")
                    + " Cannot import into it.");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "cannot import profiles: no such file");
        }
        JsonFileStore.Loaded<ProfileFile> loaded =
                new JsonFileStore<>(file, ProfileFile.class, ProfileFile.SCHEMA_VERSION, ProfileFile::empty).load();
        if (loaded.problem().isPresent() && loaded.value().profiles().isEmpty()) {
            throw new IOException(loaded.problem().get());
        }
        Set<String> used = new HashSet<>();
        profiles.forEach(p -> used.add(p.id()));
        List<Profile> added = new ArrayList<>();
        for (Profile p : loaded.value().profiles()) {
            if (p.isLocalBroker()) {
                continue;
            }
            Profile fresh = used.contains(p.id()) ? p.toBuilder().id(UUID.randomUUID().toString()).build() : p;
            used.add(fresh.id());
            added.add(fresh);
        }
        if (!added.isEmpty()) {
            List<Profile> next = new ArrayList<>(profiles);
            next.addAll(added);
            saveAll(next);
        }
        return List.copyOf(added);
    }

    private static List<Profile> withLocalBroker(List<Profile> given) {
        List<Profile> result = new ArrayList<>(given.size() + 1);
        Profile local = given.stream().filter(Profile::isLocalBroker).findFirst()
                .orElse(Profile.localBroker(DEFAULT_LOCAL_BROKER_PORT));
        result.add(local);
        given.stream().filter(p -> !p.isLocalBroker()).forEach(result::add);
        return List.copyOf(result);
    }

    private static int indexOf(List<Profile> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
