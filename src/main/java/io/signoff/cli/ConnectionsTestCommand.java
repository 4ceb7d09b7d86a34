package io.signoff.cli;

import io.signoff.controller.ConnectionTestResult;
import io.signoff.model.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code signoff connections test [ID]}: the provider's "who am I" call, per connection, in parallel. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Test one connection, or all of them: who the credentials are, or exactly what is wrong.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every connection tested works", "1:at least one failed (the line says why)",
            "2:bad command line or unknown connection id"})
public final class ConnectionsTestCommand extends CliCommand {

    @Parameters(arity = "0..1", paramLabel = "ID", description = "The connection to test (default: all).")
    String id;

    public ConnectionsTestCommand(CliServices.Opener opener, Terminal terminal) {
        super(opener, terminal);
    }

    @Override
    protected int execute(CliServices services) throws InterruptedException {
        requireConnections(services);
        List<Connection> chosen = services.connections().stream().filter(c -> id == null || c.id().equals(id)).toList();
        if (chosen.isEmpty()) throw CliExit.usage("no connection '" + id + "'; " + knownConnections(services));
        AtomicInteger answered = new AtomicInteger();
        Map<Connection, CompletableFuture<ConnectionTestResult>> tests = new LinkedHashMap<>();
        progress().update("Testing " + chosen.size() + " connection" + (chosen.size() == 1 ? "" : "s") + "…");
        for (Connection c : chosen) {
            tests.put(c, services.connectionsController().test(c.id()).whenComplete((r, e) -> progress().update(
                    "Testing " + chosen.size() + " connections… " + answered.incrementAndGet() + "/" + chosen.size() + " answered")));
        }
        List<ConnectionsJson.Test> results = new ArrayList<>();
        for (Map.Entry<Connection, CompletableFuture<ConnectionTestResult>> t : tests.entrySet()) {
            results.add(ConnectionsJson.Test.of(t.getKey(), await(t.getValue())));
        }
        progress().clear();
        boolean allOk = results.stream().allMatch(ConnectionsJson.Test::ok);
        if (json()) {
            printJson(new ConnectionsJson.Tests(results));
            return allOk ? ExitCodes.OK : ExitCodes.FAILED;
        }
        TextTable table = new TextTable("ID", "NAME", "RESULT", "DETAIL");
        for (ConnectionsJson.Test r : results) {
            table.row(r.id(), r.name(), r.ok() ? "ok" : "FAILED", r.headline());
        }
        table.print(out(), "");
        for (ConnectionsJson.Test r : results) {
            if (r.ok()) continue;
            out().println();
            out().println(r.id() + ": " + r.headline() + (r.detail().isBlank() ? "" : " — " + r.detail()));
            if (!r.advice().isBlank()) out().println("  " + r.advice());
        }
        return allOk ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
