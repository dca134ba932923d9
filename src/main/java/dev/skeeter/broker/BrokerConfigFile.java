package dev.skeeter.broker;

import dev.skeeter.broker.internal.config.ConfigParser;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a mosquitto.conf file (mosquitto 2's syntax and meaning) into a {@link BrokerConfig.Builder}. Options this
 * broker does not implement are ignored with a warning naming file, line and option, unless ignoring them would
 * weaken security: those, unknown options and bad values are errors. Every error of the file (and of the files it
 * includes) is reported at once, in one {@link ConfigException}. Stateless; the reference of every option is in
 * docs/broker.md.
 */
public final class BrokerConfigFile {
    private BrokerConfigFile() {
    }

    /** What a file gave: the builder with its settings, and the warnings to show the user. */
    public record Result(BrokerConfig.Builder builder, List<ConfigProblem> warnings) {
    }

    /** Parses the file into a configuration; throws {@link ConfigException} listing every error. */
    public static BrokerConfig parse(Path file) {
        return read(file, BrokerConfig.builder()).builder().build();
    }

    /** Applies the file's options to {@code builder} (which may already hold defaults) and returns it. */
    public static BrokerConfig.Builder parse(Path file, BrokerConfig.Builder builder) {
        return read(file, builder).builder();
    }

    /**
     * Applies the file's options to {@code builder}; returns the warnings, or throws {@link ConfigException} with
     * every error (and the warnings) when there is one.
     */
    public static Result read(Path file, BrokerConfig.Builder builder) {
        List<ConfigProblem> problems = new ConfigParser(builder, file.toString()).read(file);
        if (problems.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR)) {
            throw new ConfigException(problems);
        }
        return new Result(builder, problems);
    }

    /**
     * A configuration the broker cannot run with. The message lists the errors one per line, each naming file and
     * line ({@code "skeeter.conf:7: unknown option 'foo'"}); {@link #problems()} has them with the warnings.
     */
    public static final class ConfigException extends IllegalArgumentException {
        private final transient List<ConfigProblem> problems;

        public ConfigException(List<ConfigProblem> problems) {
            super(problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
                    .map(ConfigProblem::toString).collect(Collectors.joining("\n")));
            this.problems = List.copyOf(problems);
        }

        public List<ConfigProblem> problems() {
            return problems;
        }

        public List<ConfigProblem> errors() {
            return problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR).toList();
        }
    }
}
