package dev.skeeter.broker.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads option values the way mosquitto does; a bad value is reported (option, what was expected, what was found)
 * and read as null, so the rest of the file is still checked. Stateless.
 */
final class Values {
    private Values() {
    }

    static Boolean bool(ConfigLine line, Problems problems) {
        if (line.args().size() == 1 && (line.args().get(0).equals("true") || line.args().get(0).equals("false"))) {
            return line.args().get(0).equals("true");
        }
        return bad(line, problems, "true or false");
    }

    static Integer integer(ConfigLine line, Problems problems, long min, long max, String expected) {
        Long value = longValue(line, problems, min, max, expected);
        return value == null ? null : value.intValue();
    }

    static Long longValue(ConfigLine line, Problems problems, long min, long max, String expected) {
        if (line.args().size() == 1) {
            try {
                long value = Long.parseLong(line.args().get(0));
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return bad(line, problems, expected);
    }

    static Integer port(ConfigLine line, String text, Problems problems) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(line, line.option() + ": invalid port '" + text + "' (expected a number from 0 to 65535)");
        return null;
    }

    /** The rest of the line, which may contain spaces (file names). */
    static String string(ConfigLine line, Problems problems, String expected) {
        if (line.rest().isEmpty()) {
            problems.error(line, line.option() + ": missing value (expected " + expected + ")");
            return null;
        }
        return line.rest();
    }

    static Path path(ConfigLine line, Problems problems) {
        String text = string(line, problems, "a file name");
        return text == null ? null : Path.of(text);
    }

    static String word(ConfigLine line, Problems problems, List<String> allowed) {
        if (line.args().size() == 1 && allowed.contains(line.args().get(0))) {
            return line.args().get(0);
        }
        return bad(line, problems, String.join(" or ", allowed));
    }

    /** Mosquitto's durations: a number and a unit, h(ours), d(ays), w(eeks), m(onths) or y(ears). */
    static Duration expiration(ConfigLine line, Problems problems) {
        String expected = "a number followed by h, d, w, m or y, e.g. 2d";
        if (line.args().size() == 1 && line.args().get(0).matches("[0-9]{1,6}[hdwmy]")) {
            String text = line.args().get(0);
            long n = Long.parseLong(text.substring(0, text.length() - 1));
            if (n > 0) {
                return switch (text.charAt(text.length() - 1)) {
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    case 'w' -> Duration.ofDays(7 * n);
                    case 'm' -> Duration.ofDays(30 * n);
                    default -> Duration.ofDays(365 * n);
                };
            }
        }
        return bad(line, problems, expected);
    }

    private static <T> T bad(ConfigLine line, Problems problems, String expected) {
        String found = line.rest().isEmpty() ? "nothing" : "'" + line.rest() + "'";
        problems.error(line, line.option() + ": expected " + expected + ", found " + found);
        return null;
    }
}
