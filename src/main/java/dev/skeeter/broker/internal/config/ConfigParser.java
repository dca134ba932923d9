package dev.skeeter.broker.internal.config;

import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.ConfigProblem;
import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.broker.ListenerSecurity;
import dev.skeeter.broker.LogSettings;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads mosquitto.conf files into a {@link BrokerConfig.Builder}: {@code #} comments, blank lines, {@code listener}
 * blocks (options before the first one belong to the default listener that {@code port} and {@code bind_address}
 * set up), global options, {@code include_dir} and {@code per_listener_settings}. Every problem of every file is
 * collected, so one run reports them all. One parser reads one configuration, on one thread.
 */
public final class ConfigParser {
    private static final int MAX_INCLUDE_DEPTH = 8;

    final Problems problems = new Problems();
    final BrokerConfig.Builder builder;
    final ListenerDraft defaultListener;
    final List<ListenerDraft> listeners = new ArrayList<>();
    ListenerDraft current;
    boolean defaultPortSet;
    boolean perListenerSettings;
    /** The first security option seen, to report a late {@code per_listener_settings}. */
    ConfigLine firstSecurityLine;
    ListenerSecurity globalSecurity = ListenerSecurity.DEFAULTS;
    final LogOptions log;
    private final OptionReader options = new OptionReader(this);

    public ConfigParser(BrokerConfig.Builder builder, String mainFile) {
        this.builder = builder;
        this.defaultListener = new ListenerDraft(new ConfigLine(mainFile, 0, "port", List.of(), ""), 1883, null);
        this.current = defaultListener;
        this.log = new LogOptions(problems);
    }

    /** Reads {@code file} and everything it includes; the problems found, errors and warnings, in file order. */
    public List<ConfigProblem> read(Path file) {
        List<String> lines = readLines(file, null);
        if (lines != null) {
            readLines(file.toString(), lines, 0);
            finish();
        }
        return problems.all();
    }

    /** The lines of a file, or null after reporting why it cannot be read ({@code from} is the include line). */
    private List<String> readLines(Path file, ConfigLine from) {
        String problem = null;
        if (Files.isDirectory(file)) {
            problem = file + " is a directory, not a config file";
        } else {
            try {
                var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
                return decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString().lines()
                        .toList();
            } catch (NoSuchFileException e) {
                problem = "cannot read config file " + file + ": no such file";
            } catch (AccessDeniedException e) {
                problem = "cannot read config file " + file + ": permission denied";
            } catch (IOException e) {
                problem = "cannot read config file " + file + ": " + e.getMessage();
            }
        }
        if (from == null) {
            problems.error(file.toString(), 0, null, problem);
        } else {
            problems.error(from, problem);
        }
        return null;
    }

    private void readLines(String file, List<String> lines, int depth) {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] words = text.split("\\s+");
            String rest = text.substring(words[0].length()).strip();
            ConfigLine line = new ConfigLine(file, i + 1, words[0],
                    List.of(words).subList(1, words.length), rest);
            if (line.option().equals("include_dir")) {
                includeDir(line, depth);
            } else {
                options.read(line);
            }
        }
    }

    /** Mosquitto reads the directory's {@code *.conf} files in alphabetical order, as if written in place. */
    private void includeDir(ConfigLine line, int depth) {
        Path dir = Values.path(line, problems);
        if (dir == null) {
            return;
        }
        if (depth >= MAX_INCLUDE_DEPTH) {
            problems.error(line, "include_dir: includes nested more than " + MAX_INCLUDE_DEPTH + " deep");
            return;
        }
        if (!Files.isDirectory(dir)) {
            problems.error(line, "include_dir: " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
            return;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.conf")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            problems.error(line, "include_dir: cannot list " + dir + ": " + e.getMessage());
            return;
        }
        files.sort(null);
        for (Path file : files) {
            List<String> included = readLines(file, line);
            if (included != null) {
                readLines(file.toString(), included, depth + 1);
            }
        }
    }

    /** Security options go to the current listener with per_listener_settings, else to the whole broker. */
    ListenerSecurity security() {
        if (perListenerSettings) {
            return current.security == null ? ListenerSecurity.DEFAULTS : current.security;
        }
        return globalSecurity;
    }

    void security(ConfigLine line, ListenerSecurity value) {
        if (firstSecurityLine == null) {
            firstSecurityLine = line;
        }
        if (perListenerSettings) {
            current.security = value;
        } else {
            globalSecurity = value;
        }
    }

    private void finish() {
        List<ListenerConfig> built = new ArrayList<>();
        // As in mosquitto, options before the first listener line make a listener of their own (port 1883, every
        // interface, unless port and bind_address say otherwise).
        if (defaultListener.used) {
            add(built, defaultListener);
        } else if (perListenerSettings && defaultListener.security != null) {
            problems.warning(firstSecurityLine, "security options before the first listener apply to the default "
                    + "listener (port/bind_address), which this file does not define; ignored");
        }
        listeners.forEach(draft -> add(built, draft));
        built.forEach(builder::listener);
        builder.perListenerSettings(perListenerSettings).security(globalSecurity).log(log.build());
    }

    private void add(List<ListenerConfig> built, ListenerDraft draft) {
        ListenerConfig listener = draft.build(problems);
        if (listener != null) {
            built.add(listener);
        }
    }
}
