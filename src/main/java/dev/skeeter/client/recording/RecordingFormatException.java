package dev.skeeter.client.recording;

/** A recording has a line that cannot be read; the message names the file and the line. */
public final class RecordingFormatException extends IllegalArgumentException {
    private final int lineNumber;

    public RecordingFormatException(String message, int lineNumber) {
        super(message);
        this.lineNumber = lineNumber;
    }

    /** 1-based. */
    public int lineNumber() {
        return lineNumber;
    }
}
