package io.signoff.cli;

/**
 * Ends a command early with an exit code and one line for the operator. Thrown where the decision is made, turned into
 * "command: message" on standard error by {@link CliCommand}. Never carries a secret.
 */
final class CliExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    CliExit(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() { return code; }

    static CliExit usage(String message) { return new CliExit(ExitCodes.USAGE, message); }

    static CliExit failed(String message) { return new CliExit(ExitCodes.FAILED, message); }

    static CliExit notFound(String message) { return new CliExit(ExitCodes.NOT_FOUND, message); }
}
