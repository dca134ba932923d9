package dev.skeeter.cli.pubsub;

/** Numbers read the way mosquitto's tools read them, with C's {@code atoi} and {@code atof}. Stateless. */
final class CNumbers {
    private CNumbers() {
    }

    /** C's atoi: leading blanks, an optional sign, digits up to the first non-digit; 0 when there are none. */
    static int atoi(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && value < Integer.MAX_VALUE) {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, negative ? -value : value));
    }

    /** C's atof, for the decimal forms people type: the longest leading number, 0 when there is none. */
    static double atof(String s) {
        String t = s.strip();
        for (int end = t.length(); end > 0; end--) {
            try {
                return Double.parseDouble(t.substring(0, end));
            } catch (NumberFormatException e) {
                // shorter
            }
        }
        return 0;
    }
}
