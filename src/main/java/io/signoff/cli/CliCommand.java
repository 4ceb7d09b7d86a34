package io.signoff.cli;

import io.signoff.model.Connection;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the headless commands share: the common options, opening the services after parsing (with a secret from
 * standard input when asked), the progress line, JSON output, and turning every failure into one line on standard
 * error and an exit code — never a stack trace.
 */
public abstract class CliCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CliCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common = new CommonOptions();

    private final CliServices.Opener opener;
    private final Terminal terminal;
    private ProgressLine progress;

    protected CliCommand(CliServices.Opener opener, Terminal terminal) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** The command's work; returns its exit code or throws {@link CliExit}. */
    protected abstract int execute(CliServices services) throws InterruptedException;

    /** Checks made before any service is opened (nothing has been read or called yet). */
    protected void checkBeforeOpening() { }

    @Override
    public final Integer call() {
        try {
            checkBeforeOpening();
            try (CliServices services = open()) {
                return execute(services);
            }
        } catch (CliExit e) {
            progress().clear();
            if (!e.getMessage().isEmpty()) err().println(name() + ": " + e.getMessage());
            return e.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress().clear();
            err().println(name() + ": interrupted");
            return ExitCodes.FAILED;
        } catch (RuntimeException e) {
            progress().clear();
            Throwable cause = unwrap(e);
            if (cause instanceof CliExit exit) {
                err().println(name() + ": " + exit.getMessage());
                return exit.code();
            }
            LOG.warn("{} failed", name(), cause);
            err().println(name() + ": " + describe(cause));
            return ExitCodes.FAILED;
        } finally {
            progress().finish();
            out().flush();
            err().flush();
        }
    }

    private CliServices open() {
        CliServices services;
        try {
            services = opener.open(common.environment(spec));
        } catch (RuntimeException e) {
            LOG.warn("{}: the services could not start", name(), e);
            throw CliExit.failed("could not start: " + describe(e));
        }
        String secretFor = common.secretStdin(spec);
        if (secretFor == null) return services;
        try {
            if (services.connections().stream().noneMatch(c -> c.id().equals(secretFor))) {
                throw CliExit.usage("--secret-stdin: no connection '" + secretFor + "' is configured; "
                        + knownConnections(services));
            }
            char[] secret = terminal.readSecret("Secret of connection " + secretFor + ": ");
            try {
                if (secret.length == 0) throw CliExit.usage("--secret-stdin: standard input held no secret for " + secretFor);
                services.useSecretForThisProcess(secretFor, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
            return services;
        } catch (RuntimeException e) {
            services.close();
            if (e instanceof UncheckedIOException io) throw CliExit.failed("--secret-stdin: " + io.getMessage());
            throw e;
        }
    }

    // ---- for the commands ----

    protected final String name() { return spec.qualifiedName(" ").replaceFirst("^\\S+\\s+", ""); }

    protected final PrintWriter out() { return spec.commandLine().getOut(); }

    protected final PrintWriter err() { return spec.commandLine().getErr(); }

    protected final boolean json() { return common.json(spec); }

    protected final boolean quiet() { return common.quiet(spec); }

    protected final Terminal terminal() { return terminal; }

    protected final synchronized ProgressLine progress() {
        if (progress == null) progress = new ProgressLine(err(), !quiet(), terminal.interactive());
        return progress;
    }

    /** A hint for a person at a terminal (what to do next); left out with --quiet and --json. */
    protected final void hint(String text) {
        if (!quiet() && !json()) err().println(text);
    }

    protected final void printJson(Object value) {
        progress().finish();
        CliJson.print(out(), value);
    }

    /** Waits for a controller's future; its failure is thrown as the RuntimeException it carries. */
    protected static <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException(describe(cause), cause);
        }
    }

    /** Refuses a command when nothing is configured, saying how to get going. */
    protected static void requireConnections(CliServices services) {
        if (!services.connections().isEmpty()) return;
        String problems = services.settingsProblems().isEmpty() ? "" : " (" + String.join("; ", services.settingsProblems()) + ")";
        throw CliExit.failed("no connection is configured" + problems
                + ". Add one in the console (Connections), or try the built-in simulator with --demo.");
    }

    /** The ids an option named, each checked against the configuration; empty when none was given (all). */
    protected static Set<String> connectionIds(CliServices services, List<String> ids, String option) {
        if (ids == null || ids.isEmpty()) return Set.of();
        Set<String> known = services.connections().stream().map(Connection::id).collect(Collectors.toSet());
        for (String id : ids) {
            if (!known.contains(id)) throw CliExit.usage(option + ": no connection '" + id + "'; " + knownConnections(services));
        }
        return Set.copyOf(ids);
    }

    protected static String knownConnections(CliServices services) {
        return services.connections().isEmpty() ? "none is configured"
                : "configured: " + services.connections().stream().map(Connection::id).collect(Collectors.joining(", "));
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
