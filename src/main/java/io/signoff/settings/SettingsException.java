package io.signoff.settings;

/** Settings could not be read or written; the message is written for the operator and names the file. */
public final class SettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
