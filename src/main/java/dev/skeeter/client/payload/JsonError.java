package dev.skeeter.client.payload;

/**
 * Why a payload is not JSON, and where (1-based line and column; column counts characters). Thrown by the JSON
 * conversions and returned by {@link PayloadCodecs#validateJson(byte[])}.
 */
public final class JsonError extends PayloadException {
    private final int line;
    private final int column;
    private final String reason;

    public JsonError(int line, int column, String reason, Throwable cause) {
        super("Not valid JSON at line " + line + ", column " + column + ": " + reason, cause);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The parser's explanation without the position. */
    public String reason() {
        return reason;
    }
}
