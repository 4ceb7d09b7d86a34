package io.signoff;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signoff simulator}: the four provider APIs on 127.0.0.1, for trying clients and scripts against. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Run the provider simulator alone on 127.0.0.1 and print each provider's base URL.")
final class SimulatorCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "Port to listen on (default: any free port).")
    int port;

    @Option(names = "--latency", paramLabel = "MS", description = "Added latency per request, in milliseconds.")
    long latencyMs;

    @Option(names = "--fault-rate", paramLabel = "P", description = "Probability (0-1) that a request gets an injected fault.")
    double faultRate;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the directory and the faults (default: 42).")
    long seed = 42;

    @Override
    public Integer call() throws Exception {
        if (faultRate < 0 || faultRate > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--fault-rate must be between 0 and 1, was " + faultRate);
        }
        if (latencyMs < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--latency must be >= 0");
        }
        SimulatorServer server = Simulators.startDemo(port, seed);
        for (ProviderKind kind : ProviderKind.values()) {
            server.faults(kind).latency(Duration.ofMillis(latencyMs)).faultRate(faultRate);
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println("Signoff simulator on " + server.rootUrl() + " (seed " + seed + ")");
        for (ProviderKind kind : ProviderKind.values()) {
            out.printf("  %-24s %s%n", kind.displayName(), server.baseUrl(kind));
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
