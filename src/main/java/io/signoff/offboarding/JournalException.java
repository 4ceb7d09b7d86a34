package io.signoff.offboarding;

/** The journal could not be read or written; the message names the file and the operation. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
