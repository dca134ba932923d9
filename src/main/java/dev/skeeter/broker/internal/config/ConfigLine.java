package dev.skeeter.broker.internal.config;

import java.util.List;

/**
 * One option line: the option word, the words after it, and the rest of the line as written (for paths that may
 * contain spaces, as mosquitto reads them).
 */
record ConfigLine(String file, int number, String option, List<String> args, String rest) {

    String where() {
        return file + ":" + number;
    }
}
