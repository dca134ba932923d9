package dev.skeeter.ui.common;

/** Turns an exception chain into the one line a person reads in a status or result field. */
public final class Errors {
    private Errors() {
    }

    /** The innermost cause's message (wrappers such as CompletionException only repeat it), or its type. */
    public static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
