package io.signoff.controller;

import io.signoff.audit.AuditLog;
import io.signoff.audit.OperatorIdentity;
import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's sessions everywhere, and revoking them with proof: load every account's sessions in parallel, plan a
 * revoke (one session, all in one provider, or everywhere) that says exactly what will be called, run it with audit
 * rows around every call, and verify by reading back.
 */
public final class SessionsController {
    private static final Logger LOG = LoggerFactory.getLogger(SessionsController.class);

    private final TenantsController tenants;
    private final RevokeAudit audit;
    private final VerificationPolicy policy;
    private final Executor executor;
    private final Clock clock;

    /**
     * @param operator who acts, asked at each revoke (the operator name in preferences may change meanwhile)
     * @param channel  where actions come from in the audit trail: "ui" for the console, "cli" for the command line
     */
    public SessionsController(TenantsController tenants, AuditLog auditLog, Supplier<OperatorIdentity> operator, String channel,
                              Executor executor, VerificationPolicy policy, Clock clock) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.audit = new RevokeAudit(auditLog, operator, channel, clock);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads every account's sessions in parallel. {@code listener} gets a snapshot at once and after each account
     * answers; the future completes with the final one.
     */
    public CompletableFuture<SessionsSnapshot> load(Person person, Consumer<SessionsSnapshot> listener) {
        Map<String, AccountSessions> states = new LinkedHashMap<>();
        for (DirectoryUser account : person.accounts()) {
            Connection c = connectionOf(account).orElse(null);
            AccountSessions initial = c == null
                    ? new AccountSessions(account, placeholder(account), account.tenantId(), LoadState.NOT_CONNECTED, null,
                            Set.of(), null, "The connection " + account.connectionId() + " is no longer configured")
                    : new AccountSessions(account, c, tenants.tenantName(c, account), LoadState.LOADING, null, Set.of(), null, "");
            states.put(key(account), initial);
        }
        Object lock = new Object();
        CompletableFuture<SessionsSnapshot> done = new CompletableFuture<>();
        Consumer<AccountSessions> publish = update -> {
            synchronized (lock) {
                if (update != null) states.put(key(update.account()), update);
                SessionsSnapshot snapshot = new SessionsSnapshot(person, new ArrayList<>(states.values()));
                listener.accept(snapshot);
                if (snapshot.finished()) done.complete(snapshot);
            }
        };
        List<AccountSessions> toLoad = List.copyOf(states.values());
        publish.accept(null);
        for (AccountSessions a : toLoad) {
            if (a.state() == LoadState.LOADING) executor.execute(() -> publish.accept(read(a)));
        }
        return done;
    }

    private AccountSessions read(AccountSessions a) {
        Provider provider;
        try {
            provider = tenants.pool().provider(a.connection());
        } catch (ProviderPool.NotConnectedException e) {
            return a.with(LoadState.NOT_CONNECTED, null, null, e.getMessage());
        }
        AccountSessions withCaps = new AccountSessions(a.account(), a.connection(), a.tenantName(), a.state(), null,
                provider.capabilities(), null, "");
        try {
            return withCaps.with(LoadState.LOADED, provider.listSessions(a.account()), null, "");
        } catch (ProviderException e) {
            if (e.kind() == ErrorKind.UNSUPPORTED) {
                // No session API is an answer, not a failure: the row says what to do by hand.
                return withCaps.with(LoadState.LOADED, SessionList.manual(e.getMessage() + ". " + ErrorKind.UNSUPPORTED.advice()),
                        ErrorKind.UNSUPPORTED, e.getMessage());
            }
            LOG.warn("Listing sessions in {} failed: {} ({})", a.connection().id(), e.getMessage(), e.kind());
            return withCaps.with(LoadState.ERROR, null, e.kind(), e.getMessage() + " — " + e.kind().advice());
        } catch (RuntimeException e) {
            LOG.error("Listing sessions in {} failed unexpectedly", a.connection().id(), e);
            return withCaps.with(LoadState.ERROR, null, null, "Unexpected error: " + e.getClass().getSimpleName());
        }
    }

    // ---- plans ----

    /** Ending one session; empty plan when the provider cannot end a session alone. */
    public RevokePlan planOne(Person person, AccountSessions owner, Session session) {
        List<PlannedRevoke> calls = new ArrayList<>();
        if (owner.canRevoke(session)) {
            calls.add(new PlannedRevoke(owner.account(), owner.connection(), owner.tenantName(), session, owner.sessions(),
                    describeOne(owner, session)));
        }
        return new RevokePlan(person, RevokePlan.Reach.ONE_SESSION, calls, List.of(), warnings(calls));
    }

    /** Ending every session of the person in one connection (all their accounts there). */
    public RevokePlan planConnection(SessionsSnapshot snapshot, String connectionId) {
        List<AccountSessions> accounts = snapshot.accounts().stream()
                .filter(a -> a.connection().id().equals(connectionId)).toList();
        return planAll(snapshot.person(), RevokePlan.Reach.CONNECTION, accounts);
    }

    /**
     * Ending every session of the person in several connections at once (the command line's repeated --provider);
     * one plan, so one run id, one confirmation and one verification report.
     */
    public RevokePlan planConnections(SessionsSnapshot snapshot, Set<String> connectionIds) {
        List<AccountSessions> accounts = snapshot.accounts().stream()
                .filter(a -> connectionIds.contains(a.connection().id())).toList();
        return planAll(snapshot.person(), RevokePlan.Reach.CONNECTION, accounts);
    }

    /** Ending every session of the person in every provider; manual steps where no API exists. */
    public RevokePlan planEverywhere(SessionsSnapshot snapshot) {
        return planAll(snapshot.person(), RevokePlan.Reach.EVERYWHERE, snapshot.accounts());
    }

    private RevokePlan planAll(Person person, RevokePlan.Reach reach, List<AccountSessions> accounts) {
        List<PlannedRevoke> calls = new ArrayList<>();
        List<ManualStep> manual = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (AccountSessions a : accounts) {
            if (a.state() == LoadState.NOT_CONNECTED) {
                notes.add(a.connection().displayName() + " is skipped: " + a.message());
            } else if (a.canRevokeAll()) {
                calls.add(new PlannedRevoke(a.account(), a.connection(), a.tenantName(), null, a.sessions(), describeAll(a)));
            } else if (a.state() == LoadState.LOADED) {
                manual.add(new ManualStep(a.account(), a.connection(), a.manualInstruction()));
            } else {
                notes.add(a.connection().displayName() + " is skipped: its sessions could not be read (" + a.message() + ")");
            }
        }
        List<String> warnings = new ArrayList<>(warnings(calls));
        warnings.addAll(notes);
        return new RevokePlan(person, reach, calls, manual, warnings);
    }

    /** Starts a plan. {@code listener} gets a report at once and after every change, on the thread that made it. */
    public RevokeRun execute(RevokePlan plan, Consumer<RevokeReport> listener) {
        RevokeRun run = new RevokeRun(plan, UUID.randomUUID().toString(), tenants.pool(), audit, policy, executor, clock, listener);
        run.start();
        return run;
    }

    // ---- wording ----

    private static String describeOne(AccountSessions a, Session s) {
        StringBuilder device = new StringBuilder();
        for (String part : new String[] {s.device(), s.os(), s.client(), s.ip()}) {
            if (part != null && !part.isBlank()) device.append(device.length() == 0 ? "" : ", ").append(part);
        }
        return a.connection().displayName() + " · " + a.tenantName() + ": end session " + s.id()
                + (device.length() == 0 ? "" : " (" + device + ")") + " of " + target(a.account());
    }

    private static String describeAll(AccountSessions a) {
        String count = a.sessions() == null ? "" : a.sessions().sessionsValidFrom() != null
                ? " (invalidates refresh tokens and session cookies)"
                : " (" + a.sessionCount() + " listed)";
        return a.connection().displayName() + " · " + a.tenantName() + ": end ALL sessions of " + target(a.account()) + count;
    }

    private static String target(DirectoryUser u) {
        return (u.email().isBlank() ? u.displayName() : u.email()) + " [" + u.id() + "]";
    }

    private static List<String> warnings(List<PlannedRevoke> calls) {
        List<String> out = new ArrayList<>();
        for (PlannedRevoke c : calls) {
            DirectoryUser u = c.account();
            if (!u.privileged()) continue;
            String role = u.primaryOwner() ? "the PRIMARY OWNER" : u.owner() ? "an owner" : "an administrator";
            out.add(u.displayName() + " is " + role + " in " + c.connection().displayName()
                    + (u.primaryOwner() ? ": the provider may refuse, and signing them out can lock the organisation out of its own settings."
                            : ": signing them out interrupts administration of " + c.connection().kind().displayName() + "."));
        }
        return out;
    }

    private Optional<Connection> connectionOf(DirectoryUser account) {
        return tenants.pool().connection(account.connectionId());
    }

    /** Tenant id → display name for a connection, for session rows that name their own workspace. */
    public Map<String, String> tenantNames(Connection c) {
        Map<String, String> out = new LinkedHashMap<>();
        tenants.cachedTenants(c).forEach(t -> out.put(t.id(), t.displayName()));
        return out;
    }

    private static Connection placeholder(DirectoryUser account) {
        return new Connection(account.connectionId(), account.kind(), account.connectionId(), "about:blank", null, null);
    }

    private static String key(DirectoryUser u) {
        return u.connectionId() + '\u0000' + u.id();
    }

    /** Capabilities of a connection without calling it, for views deciding which buttons to offer. */
    public Set<Capability> capabilities(Connection connection) {
        try {
            return tenants.pool().provider(connection).capabilities();
        } catch (ProviderPool.NotConnectedException e) {
            return Set.of();
        }
    }
}
