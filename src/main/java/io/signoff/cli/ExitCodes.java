package io.signoff.cli;

/** The exit codes every headless command uses, as documented in the README ("Command line for scripts"). */
public final class ExitCodes {
    /** Done: everything asked for happened (and was verified where the command verifies). */
    public static final int OK = 0;
    /** Failed, or only partly done: a provider could not be asked, a call failed, a verification did not pass. */
    public static final int FAILED = 1;
    /** Bad command line, or refused (no --yes without a terminal, confirmation not typed, a step not awaiting attestation). */
    public static final int USAGE = 2;
    /** The person, session or run asked for was found nowhere. */
    public static final int NOT_FOUND = 3;

    private ExitCodes() { }
}
