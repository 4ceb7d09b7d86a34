package io.signoff.provider;

import io.signoff.model.ActionResult;
import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.ConnectionCheck;
import io.signoff.model.DirectoryUser;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import java.util.List;
import java.util.Set;

/**
 * One connected provider. Calls block: callers run them on background executors, never on the FX thread.
 * A method whose capability is not in {@link #capabilities()} throws UNSUPPORTED.
 */
public interface Provider {

    Connection connection();

    Set<Capability> capabilities();

    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /** A cheap authenticated call that proves the URL and credentials work. */
    ConnectionCheck testConnection() throws ProviderException;

    /** The scopes people live in; every provider has at least one. */
    List<Tenant> listTenants() throws ProviderException;

    /**
     * Accounts in {@code tenant} matching an email/UPN exactly, or a name fragment where the provider can search by
     * name. An empty list means "not found", never an error.
     */
    List<DirectoryUser> findUsers(Tenant tenant, String query) throws ProviderException;

    /** Re-reads one account by its provider id (after a deactivation, lists may no longer show it). */
    default DirectoryUser getUser(Tenant tenant, String userId) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " cannot read a user by id");
    }

    default SessionList listSessions(DirectoryUser user) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " has no session API");
    }

    default ActionResult revokeSession(DirectoryUser user, Session session) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " cannot revoke a single session");
    }

    default ActionResult revokeAllSessions(DirectoryUser user, RevokeOptions options) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " cannot revoke sessions");
    }

    default ActionResult disableSignIn(DirectoryUser user) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " cannot block sign-in");
    }

    /** Resets the password; the returned secret is shown once to the operator and never logged or audited. */
    default PasswordReset resetPassword(DirectoryUser user, boolean mustChange) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " cannot reset passwords");
    }

    default ActionResult resetMfa(DirectoryUser user) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " cannot reset MFA");
    }

    default ActionResult deactivate(DirectoryUser user) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " cannot deactivate users");
    }

    default ActionResult hardDelete(DirectoryUser user) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " cannot delete users");
    }

    /** Queues a provider-side offboarding job (CIPP ExecOffboardUser). */
    default BundleJob queueOffboarding(DirectoryUser user, BundleRequest request) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " has no offboarding job");
    }

    /** Reads the job's real state (CIPP ListScheduledItems) with its Results parsed into per-step outcomes. */
    default BundleStatus offboardingStatus(BundleJob job) throws ProviderException {
        throw ProviderException.unsupported(connection().kind().displayName() + " has no offboarding job");
    }

    /**
     * The tenant's own offboarding defaults for the provider job (CIPP offboardingDefaults: option name -> value), for
     * the wizard to pre-select; empty when the provider keeps none.
     */
    default java.util.Map<String, Object> offboardingDefaults(Tenant tenant) throws ProviderException {
        return java.util.Map.of();
    }
}
