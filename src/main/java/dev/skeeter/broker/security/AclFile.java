package dev.skeeter.broker.security;

import dev.skeeter.mqtt.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads mosquitto's ACL file format: {@code user NAME} starts a user's section (lines before the first belong to
 * anonymous clients), {@code topic [read|write|readwrite|deny] FILTER} adds to the current section,
 * {@code pattern [read|write|readwrite|deny] FILTER} applies to every client with {@code %c} (client id) and
 * {@code %u} (user name) filled in, and {@code #} starts a comment. A line without an access type grants both.
 * Stateless.
 */
public final class AclFile {
    private AclFile() {
    }

    /**
     * @throws SecurityFileException naming each bad line, with file and line (mosquitto stops at the first one and
     *                               does not start)
     */
    public static Acl load(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses lines already read; {@code name} is used in messages. */
    public static Acl parse(String name, List<String> lines) throws SecurityFileException {
        Map<String, List<Acl.Rule>> users = new LinkedHashMap<>();
        List<Acl.Rule> patterns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String user = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = name + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split(" ", 2);
            String keyword = words[0];
            String rest = words.length > 1 ? words[1].strip() : "";
            switch (keyword) {
                case "user" -> {
                    if (rest.isEmpty()) {
                        problems.add(where + "'user' without a user name");
                    } else {
                        user = rest;
                    }
                }
                case "topic", "pattern" -> {
                    Acl.Rule rule = rule(rest, where, problems);
                    if (rule == null) {
                        continue;
                    }
                    if (keyword.equals("pattern")) {
                        patterns.add(rule);
                    } else {
                        users.computeIfAbsent(user, k -> new ArrayList<>()).add(rule);
                    }
                }
                default -> problems.add(where + "unknown keyword '" + keyword
                        + "' (expected user, topic or pattern)");
            }
        }
        if (!problems.isEmpty()) {
            throw new SecurityFileException(problems);
        }
        return new Acl(users, patterns);
    }

    private static Acl.Rule rule(String rest, String where, List<String> problems) {
        if (rest.isEmpty()) {
            problems.add(where + "no topic");
            return null;
        }
        String[] words = rest.split(" ", 2);
        int access = Acl.READ | Acl.WRITE;
        String filter = rest;
        if (words.length == 2) {
            filter = words[1].strip();
            switch (words[0]) {
                case "read" -> access = Acl.READ;
                case "write" -> access = Acl.WRITE;
                case "readwrite" -> access = Acl.READ | Acl.WRITE;
                case "deny" -> access = 0;
                default -> {
                    problems.add(where + "invalid access type '" + words[0]
                            + "' (expected read, write, readwrite or deny)");
                    return null;
                }
            }
        }
        var problem = Topics.topicFilterProblem(filter);
        if (problem.isPresent()) {
            problems.add(where + "invalid topic filter '" + filter + "': " + problem.get());
            return null;
        }
        return new Acl.Rule(filter, access);
    }
}
