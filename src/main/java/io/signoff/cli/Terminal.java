package io.signoff.cli;

/**
 * The operator's terminal, if there is one: where a typed confirmation and a secret are asked. Injected so that tests
 * can play an operator; {@link SystemTerminal} is the process's own.
 */
public interface Terminal {

    /** True when a person can be asked (standard input and output are a terminal: {@code System.console() != null}). */
    boolean interactive();

    /** Shows {@code prompt} and returns the line typed, or null at the end of input. */
    String readLine(String prompt);

    /**
     * A secret: on a terminal asked with {@code prompt} and read without echo; otherwise the first line of standard
     * input (a trailing CR/LF removed). Empty when there was none. The caller wipes the array.
     */
    char[] readSecret(String prompt);
}
