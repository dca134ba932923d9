package dev.skeeter.cli.pubsub;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * C's {@code strftime} in the "C" locale, for mosquitto_sub's {@code @} codes and {@code %I}: the conversions of
 * C99 and POSIX. An unknown conversion is printed as it was written. Stateless.
 */
final class Strftime {
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

    private Strftime() {
    }

    static String format(String pattern, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i == pattern.length() - 1) {
                out.append(c);
                continue;
            }
            out.append(conversion(pattern.charAt(++i), t));
        }
        return out.toString();
    }

    private static String conversion(char c, ZonedDateTime t) {
        return switch (c) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
            case 'c' -> format("%a %b %e %H:%M:%S %Y", t);
            case 'C' -> two(Math.floorDiv(t.getYear(), 100));
            case 'd' -> two(t.getDayOfMonth());
            case 'D', 'x' -> format("%m/%d/%y", t);
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'F' -> format("%Y-%m-%d", t);
            case 'g' -> two(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100));
            case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(t.getHour());
            case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'k' -> String.format("%2d", t.getHour());
            case 'l' -> String.format("%2d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'r' -> format("%I:%M:%S %p", t);
            case 'R' -> format("%H:%M", t);
            case 's' -> Long.toString(t.toEpochSecond());
            case 'S' -> two(t.getSecond());
            case 't' -> "\t";
            case 'T', 'X' -> format("%H:%M:%S", t);
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'U' -> two((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7);
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'W' -> two((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()))
                    / 7);
            case 'y' -> two(Math.floorMod(t.getYear(), 100));
            case 'Y' -> Integer.toString(t.getYear());
            case 'z' -> offset(t.getOffset().getTotalSeconds());
            case 'Z' -> ZONE_NAME.format(t);
            case '%' -> "%";
            default -> "%" + c;
        };
    }

    private static String two(int value) {
        return String.format("%02d", value);
    }

    private static String offset(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", minutes / 60, minutes % 60);
    }
}
