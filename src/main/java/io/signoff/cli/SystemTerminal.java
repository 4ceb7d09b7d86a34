package io.signoff.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The terminal of this process: {@link System#console()} when there is one, else standard input (a pipe or a file)
 * from which only a secret can be read.
 */
public final class SystemTerminal implements Terminal {
    /** A secret longer than this is not a secret but a mistake (a whole file piped in). */
    static final int MAX_SECRET_CHARS = 16 * 1024;

    private final Console console;
    private final InputStream stdin;
    private final Charset charset;

    /**
     * @param console the console, or null when standard input or output is not a terminal
     * @param stdin   standard input, read for a secret when there is no console
     */
    public SystemTerminal(Console console, InputStream stdin, Charset charset) {
        this.console = console;
        this.stdin = stdin;
        this.charset = charset;
    }

    /** This process's console and standard input. */
    public static SystemTerminal ofThisProcess() {
        return new SystemTerminal(System.console(), System.in, Charset.defaultCharset());
    }

    @Override
    public boolean interactive() { return console != null; }

    @Override
    public String readLine(String prompt) {
        return console == null ? null : console.readLine("%s", prompt);
    }

    @Override
    public char[] readSecret(String prompt) {
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? new char[0] : typed;
        }
        try {
            return firstLine(new InputStreamReader(stdin, charset));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** Reads up to the first line break without ever holding the secret in a String. */
    static char[] firstLine(Reader in) throws IOException {
        char[] buffer = new char[128];
        int length = 0;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (length == MAX_SECRET_CHARS) {
                Arrays.fill(buffer, '\0');
                throw new IOException("the first line is longer than " + MAX_SECRET_CHARS + " characters");
            }
            if (length == buffer.length) {
                char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                Arrays.fill(buffer, '\0');
                buffer = bigger;
            }
            buffer[length++] = (char) c;
        }
        if (length > 0 && buffer[length - 1] == '\r') length--;
        char[] secret = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return secret;
    }
}
