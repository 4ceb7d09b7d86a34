package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.ConnectionCheck;
import io.signoff.model.ProviderKind;
import io.signoff.model.ProxySettings;
import io.signoff.model.RequestOptions;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.Providers;
import io.signoff.settings.SettingsException;
import io.signoff.settings.SettingsStore;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.SecretNames;
import io.signoff.vault.SecretPlacement;
import io.signoff.vault.SecretStatus;
import io.signoff.vault.VaultException;
import io.signoff.vault.VaultStatus;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connections use cases: list, add, edit, remove, test. Plain Java: everything that touches the keychain, the
 * settings file or the network runs on the injected background executor and completes a future; validation is
 * immediate. Secret arrays passed in are copied at once (the caller wipes its own) and the copies are wiped here.
 */
public final class ConnectionsController {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsController.class);

    private final SettingsStore settings;
    private final ConnectionSecrets secrets;
    private final Providers providers;
    private final Executor background;
    private final SecureRandom random = new SecureRandom();

    public ConnectionsController(SettingsStore settings, ConnectionSecrets secrets, Providers providers, Executor background) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.background = Objects.requireNonNull(background, "background");
    }

    /** The connections with the whereabouts of their credentials. */
    public CompletableFuture<List<ConnectionRow>> rows() {
        return CompletableFuture.supplyAsync(() -> settings.connections().stream()
                .map(c -> new ConnectionRow(c, secrets.status(c.id(), SecretNames.credentialOf(c.kind()))))
                .toList(), background);
    }

    /** Probes the OS keychain (for the banner and "check again"). */
    public CompletableFuture<VaultStatus> keychainStatus() {
        return CompletableFuture.supplyAsync(secrets::keychainStatus, background);
    }

    /** Problems met reading the settings file, for a banner. */
    public List<String> settingsProblems() { return settings.loadProblems(); }

    public ConnectionDraft newDraft(ProviderKind kind) { return ConnectionDraft.blank(kind); }

    public Optional<ConnectionDraft> draftOf(String id) { return settings.connection(id).map(ConnectionDraft::of); }

    /**
     * Field errors for a draft; empty when it may be saved.
     *
     * @param existingId null when adding (then the secret is required)
     */
    public Map<ConnectionField, String> validate(String existingId, ConnectionDraft draft, char[] secret, char[] proxyPassword) {
        List<String> otherNames = settings.connections().stream()
                .filter(c -> !c.id().equals(existingId)).map(Connection::displayName).toList();
        Map<ConnectionField, String> errors = ConnectionValidator.validate(
                draft, secret, existingId == null, proxyPassword, otherNames);
        if (existingId != null) {
            settings.connection(existingId)
                    .filter(c -> c.kind() != draft.kind())
                    .ifPresent(c -> errors.put(ConnectionField.NAME, "The kind of a connection cannot change; add a new one."));
        }
        return errors;
    }

    /** True when the form differs from the saved connection ("Test" checks what is saved). */
    public boolean hasUnsavedChanges(String id, ConnectionDraft draft) {
        return settings.connection(id).map(ConnectionDraft::of).map(saved -> !saved.sameFormValues(draft)).orElse(true);
    }

    /** Adds a connection: the credential goes to {@code placement}, the rest to settings.json. */
    public CompletableFuture<SaveOutcome> add(ConnectionDraft draft, char[] secret, char[] proxyPassword,
                                              SecretPlacement placement) {
        char[] s = copy(secret);
        char[] pp = copy(proxyPassword);
        Map<ConnectionField, String> errors = validate(null, draft, s, pp);
        if (!errors.isEmpty()) {
            wipe(s, pp);
            return CompletableFuture.completedFuture(new SaveOutcome.Invalid(errors));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return doAdd(draft, s, pp, placement);
            } finally {
                wipe(s, pp);
            }
        }, background);
    }

    /**
     * Saves changes to a connection. The id never changes, so a rename keeps its keychain entries. An empty
     * {@code secret} keeps the stored one.
     */
    public CompletableFuture<SaveOutcome> edit(String id, ConnectionDraft draft, char[] secret, char[] proxyPassword,
                                               SecretPlacement placement) {
        char[] s = copy(secret);
        char[] pp = copy(proxyPassword);
        Map<ConnectionField, String> errors = validate(id, draft, s, pp);
        if (!errors.isEmpty()) {
            wipe(s, pp);
            return CompletableFuture.completedFuture(new SaveOutcome.Invalid(errors));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return doEdit(id, draft, s, pp, placement);
            } finally {
                wipe(s, pp);
            }
        }, background);
    }

    /** Removes a connection and every secret it may have, from the keychain and the session. */
    public CompletableFuture<RemoveOutcome> remove(String id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                SettingsStore.Removal removal = settings.removeConnection(id);
                if (removal == null) return new RemoveOutcome.Failed("That connection no longer exists.");
                LOG.info("Connection '{}' removed", id);
                String note = removal.secretsNotReached().isEmpty() ? ""
                        : "No keychain could be reached. If this connection's secrets were ever stored in one, delete "
                        + "its entries (service \"Signoff\", account \"" + id + "/…\") in your keychain app.";
                return new RemoveOutcome.Removed(removal.connection().displayName(), note);
            } catch (VaultException e) {
                LOG.warn("Connection '{}' not removed: the keychain refused to delete its entries ({})", id, e.reason(), e);
                return new RemoveOutcome.Failed(e.userMessage() + " The connection was kept, so no entry is orphaned.");
            } catch (SettingsException e) {
                LOG.warn("Connection '{}' not removed: {}", id, e.getMessage(), e);
                return new RemoveOutcome.Failed(e.getMessage());
            }
        }, background);
    }

    /** Runs the provider's "test connection" call in the background. */
    public CompletableFuture<ConnectionTestResult> test(String id) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<Connection> connection = settings.connection(id);
            if (connection.isEmpty()) {
                return failure("Not found", "That connection no longer exists.", "");
            }
            try {
                Provider provider = providers.create(connection.get(), secrets.asSecretSource());
                ConnectionCheck check = provider.testConnection();
                LOG.info("Test of connection '{}' succeeded as {}", id, check.identity());
                return new ConnectionTestResult(true, "Connected as " + check.identity(), successDetail(check), "",
                        null, null, check);
            } catch (ProviderException e) {
                LOG.info("Test of connection '{}' failed: {} {}", id, e.kind(), e.auditReference());
                return ConnectionTestResults.describe(e);
            } catch (RuntimeException e) {
                LOG.warn("Test of connection '{}' could not run", id, e);
                return failure("Could not run the test", String.valueOf(e.getMessage()),
                        "Check the connection's settings (e.g. the extra CA bundle).");
            }
        }, background);
    }

    private SaveOutcome doAdd(ConnectionDraft draft, char[] secret, char[] proxyPassword, SecretPlacement placement) {
        String id = newId(draft.kind(), draft.get(ConnectionField.NAME));
        Connection connection = ConnectionValidator.toConnection(id, draft, RequestOptions.defaults(), Map.of());
        String credential = SecretNames.credentialOf(connection.kind());
        List<String> stored = new ArrayList<>();
        try {
            secrets.store(id, credential, secret, placement);
            stored.add(credential);
            if (hasProxyUser(connection) && proxyPassword.length > 0) {
                secrets.store(id, ProxySettings.PASSWORD_SECRET, proxyPassword, placement);
                stored.add(ProxySettings.PASSWORD_SECRET);
            }
        } catch (VaultException e) {
            undo(id, stored);
            return keychainProblem(id, e);
        }
        try {
            settings.saveConnection(connection);
        } catch (SettingsException e) {
            LOG.warn("Connection '{}' not added: {}", id, e.getMessage(), e);
            undo(id, stored);
            return new SaveOutcome.Failed(e.getMessage());
        }
        LOG.info("Connection '{}' ({}) added; its {} is kept {}", id, connection.kind().slug(), credential,
                placement == SecretPlacement.KEYCHAIN ? "in the keychain" : "for this session only");
        return new SaveOutcome.Saved(connection, statusOf(placement));
    }

    private SaveOutcome doEdit(String id, ConnectionDraft draft, char[] secret, char[] proxyPassword, SecretPlacement placement) {
        Optional<Connection> existing = settings.connection(id);
        if (existing.isEmpty()) return new SaveOutcome.Failed("That connection no longer exists.");
        Connection connection = ConnectionValidator.toConnection(id, draft, existing.get().requestOptions(),
                existing.get().settings());
        String credential = SecretNames.credentialOf(connection.kind());
        try {
            if (secret.length > 0) secrets.store(id, credential, secret, placement);
            if (hasProxyUser(connection) && proxyPassword.length > 0) {
                secrets.store(id, ProxySettings.PASSWORD_SECRET, proxyPassword, placement);
            }
        } catch (VaultException e) {
            return keychainProblem(id, e);
        }
        if (!hasProxyUser(connection)) dropProxyPassword(id);
        try {
            settings.saveConnection(connection);
        } catch (SettingsException e) {
            LOG.warn("Connection '{}' not saved: {}", id, e.getMessage(), e);
            return new SaveOutcome.Failed(secret.length > 0
                    ? "The new secret was stored, but the other changes were not saved. " + e.getMessage()
                    : e.getMessage());
        }
        LOG.info("Connection '{}' saved{}", id, secret.length > 0 ? " with a new " + credential : "");
        return new SaveOutcome.Saved(connection, secrets.status(id, credential));
    }

    private SaveOutcome keychainProblem(String id, VaultException e) {
        // Expected without a Secret Service: one line, the details only for debugging.
        LOG.warn("The keychain did not take the secrets of connection '{}': {}", id, e.reason());
        LOG.debug("Keychain failure details", e);
        return new SaveOutcome.KeychainUnavailable(e.reason() == VaultException.Reason.LOCKED_OR_DENIED
                ? VaultStatus.lockedOrDenied() : VaultStatus.unavailable());
    }

    private void dropProxyPassword(String id) {
        try {
            secrets.delete(id, ProxySettings.PASSWORD_SECRET);
        } catch (VaultException e) {
            // Harmless: removing the connection deletes every secret name it may have.
            LOG.debug("Proxy password of '{}' not deleted now: {}", id, e.reason());
        }
    }

    private void undo(String id, List<String> stored) {
        for (String name : stored) {
            try {
                secrets.delete(id, name);
            } catch (VaultException e) {
                LOG.warn("Could not take back the {} of connection '{}' after a failed save: {}", name, id, e.reason());
            }
        }
    }

    /** A readable, never reused id: kind, name and a random tail ("cipp-contoso-3f9a1c"). Keychain accounts use it. */
    private String newId(ProviderKind kind, String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 32) slug = slug.substring(0, 32).replaceAll("-+$", "");
        String base = slug.isEmpty() ? kind.slug() : kind.slug() + "-" + slug;
        String id;
        do {
            byte[] tail = new byte[3];
            random.nextBytes(tail);
            id = base + "-" + HexFormat.of().formatHex(tail);
        } while (settings.isIdTaken(id));
        return id;
    }

    private static boolean hasProxyUser(Connection c) {
        return c.requestOptions().proxy() != null && c.requestOptions().proxy().hasCredentials();
    }

    private static SecretStatus statusOf(SecretPlacement placement) {
        return placement == SecretPlacement.KEYCHAIN ? SecretStatus.IN_KEYCHAIN : SecretStatus.SESSION_ONLY;
    }

    private static String successDetail(ConnectionCheck check) {
        String permissions = check.permissions().isEmpty() ? "" : "Permissions: " + String.join(", ", check.permissions());
        if (check.detail().isBlank()) return permissions;
        return permissions.isEmpty() ? check.detail() : check.detail() + " — " + permissions;
    }

    private static ConnectionTestResult failure(String headline, String detail, String advice) {
        return new ConnectionTestResult(false, headline, detail, advice, null, null, null);
    }

    private static char[] copy(char[] value) { return value == null ? new char[0] : value.clone(); }

    private static void wipe(char[]... values) {
        for (char[] v : values) Arrays.fill(v, '\0');
    }
}
