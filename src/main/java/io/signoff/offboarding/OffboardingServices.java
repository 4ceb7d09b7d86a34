package io.signoff.offboarding;

import io.signoff.model.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What the offboarding engine needs from the rest of the app, wired once at start.
 *
 * @param connections the connections configured now (read each time a person is searched)
 * @param providers   the client for a connection id
 * @param journal     the journal, opened on the audit store's database file
 * @param audit       the audit log ({@code auditLog::append})
 * @param templates   option templates under the config directory
 * @param operator    who acts
 * @param settings    runner tunables (pacing, polling)
 * @param clock       the time source (tests use a fixed or stepped clock)
 * @param timer       runs steps, polls jobs, fires scheduled runs; owned by the caller
 */
public record OffboardingServices(
        Supplier<List<Connection>> connections,
        ProviderLookup providers,
        OffboardingJournal journal,
        AuditWriter audit,
        TemplateStore templates,
        Operator operator,
        RunnerSettings settings,
        Clock clock,
        ScheduledExecutorService timer) {

    public OffboardingServices {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(operator, "operator");
        settings = settings == null ? RunnerSettings.defaults() : settings;
        clock = clock == null ? Clock.systemUTC() : clock;
        Objects.requireNonNull(timer, "timer");
    }
}
