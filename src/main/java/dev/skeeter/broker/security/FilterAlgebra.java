package dev.skeeter.broker.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Topic filters as sets of topic names: their intersection, and whether one holds all of another. Used to tell
 * whether a subscription can ever receive anything an ACL lets a client read. Filters are valid (checked before).
 * Stateless.
 */
final class FilterAlgebra {
    private FilterAlgebra() {
    }

    /** A filter matching exactly the topics both match, or null when no topic matches both. */
    static String intersection(String a, String b) {
        if (dollarMismatch(a, b) || dollarMismatch(b, a)) {
            return null;
        }
        List<String> x = Arrays.asList(a.split("/", -1));
        List<String> y = Arrays.asList(b.split("/", -1));
        List<String> out = new ArrayList<>();
        int i = 0;
        while (true) {
            boolean xDone = i == x.size();
            boolean yDone = i == y.size();
            if (xDone && yDone) {
                return String.join("/", out);
            }
            String xl = xDone ? null : x.get(i);
            String yl = yDone ? null : y.get(i);
            if ("#".equals(xl)) {
                // '#' takes the rest of the other, or matches the parent level when the other ended there
                return yDone ? String.join("/", out) : join(out, y.subList(i, y.size()));
            }
            if ("#".equals(yl)) {
                return xDone ? String.join("/", out) : join(out, x.subList(i, x.size()));
            }
            if (xDone || yDone) {
                return null;
            }
            if ("+".equals(xl)) {
                out.add(yl);
            } else if ("+".equals(yl) || xl.equals(yl)) {
                out.add(xl);
            } else {
                return null;
            }
            i++;
        }
    }

    /** True when every topic {@code inner} matches is matched by {@code outer}. */
    static boolean covers(String outer, String inner) {
        if (startsWithWildcard(outer) && !startsWithWildcard(inner) && inner.startsWith("$")) {
            return false;
        }
        String[] o = outer.split("/", -1);
        String[] n = inner.split("/", -1);
        for (int i = 0; i < o.length; i++) {
            if (o[i].equals("#")) {
                return true;
            }
            if (i == n.length) {
                return false;
            }
            if (n[i].equals("#")) {
                return false; // inner goes on deeper than outer's levels
            }
            if (!o[i].equals("+") && !o[i].equals(n[i])) {
                return false; // literal vs '+' or a different literal
            }
        }
        return o.length == n.length;
    }

    /** A filter starting with a wildcard never matches '$' topics, which another filter may name. */
    private static boolean dollarMismatch(String wild, String other) {
        return startsWithWildcard(wild) && other.startsWith("$");
    }

    private static boolean startsWithWildcard(String filter) {
        return filter.startsWith("+") || filter.startsWith("#");
    }

    private static String join(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return String.join("/", all);
    }
}
