package dev.skeeter.profiles;

import java.util.List;

/** The content of {@code profiles.json} (and of an export file): the profiles in display order. */
public record ProfileFile(List<Profile> profiles) {
    public static final int SCHEMA_VERSION = 1;

    public ProfileFile {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    public static ProfileFile empty() {
        return new ProfileFile(List.of());
    }
}
