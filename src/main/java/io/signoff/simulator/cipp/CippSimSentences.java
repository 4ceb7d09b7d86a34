package io.signoff.simulator.cipp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.simulator.cipp.CippSimDirectory.SimUser;
import java.time.Instant;
import java.util.List;

/** What each offboarding step does to a simulated user, and the sentence CIPP writes about it. */
final class CippSimSentences {
    private CippSimSentences() { }

    /** Applies one step and returns CIPP's success sentence for it. The new password never appears in it. */
    static String apply(String option, SimUser u, JsonObject options, Instant now, CippSimDirectory directory) {
        switch (option) {
            case "RevokeSessions" -> {
                u.sessionsValidFrom = CippSimJobs.nowSeconds(now);
                return "Successfully revoked sessions for " + u.upn;
            }
            case "ResetPass" -> {
                return "Successfully reset the password for " + u.displayName + ". User must change password is set to True";
            }
            case "DisableSignIn" -> {
                u.accountEnabled = false;
                return "Successfully set account enabled state to False for " + u.upn;
            }
            case "HideFromGAL" -> {
                u.hiddenFromGal = true;
                return "Successfully hidden " + u.upn + " from GAL";
            }
            case "RemoveGroups" -> {
                return "Successfully removed " + u.upn + " from 3 groups";
            }
            case "RemoveRules" -> {
                return "Successfully removed all mailbox rules for " + u.upn;
            }
            case "RemoveMobile" -> {
                return "Successfully removed all mobile devices for " + u.upn;
            }
            case "removeCalendarInvites" -> {
                return "Successfully cancelled all future meetings organised by " + u.upn;
            }
            case "OOO" -> {
                return "Set Out-of-office for " + u.upn + " to Enabled";
            }
            case "forward" -> {
                boolean keep = CippSimJobs.selected(options, "KeepCopy");
                return "Forwarding all email for " + u.upn + " to " + target(CippSimJobs.member(options, "forward"))
                        + (keep ? " and keeping a copy" : " and not keeping a copy");
            }
            case "disableForwarding" -> {
                return "Successfully disabled forwarding for " + u.upn;
            }
            case "OnedriveAccess" -> {
                return "Successfully granted OneDrive access for " + u.upn + " to " + targets(options, "OnedriveAccess");
            }
            case "DisableOneDriveSharing" -> {
                return "Successfully disabled OneDrive sharing for " + u.upn;
            }
            case "AccessNoAutomap" -> {
                return "Successfully added " + targets(options, "AccessNoAutomap") + " to " + u.upn
                        + " with FullAccess permissions (automapping off)";
            }
            case "AccessAutomap" -> {
                return "Successfully added " + targets(options, "AccessAutomap") + " to " + u.upn + " with FullAccess permissions";
            }
            case "removePermissions" -> {
                return "Successfully removed mailbox permissions for " + u.upn + " from all mailboxes";
            }
            case "removeCalendarPermissions" -> {
                return "Successfully removed calendar permissions for " + u.upn;
            }
            case "ConvertToShared" -> {
                u.mailboxType = "SharedMailbox";
                return "Successfully converted " + u.upn + " to a Shared mailbox";
            }
            case "RemoveMFADevices" -> {
                u.mfaMethods = 0;
                return "Successfully removed MFA methods for " + u.upn;
            }
            case "RemoveTeamsPhoneDID" -> {
                return "Successfully removed Teams phone DID for " + u.upn;
            }
            case "RemoveLicenses" -> {
                u.licences = List.of();
                return "Successfully scheduled licence removal for " + u.upn + " in 5 minutes";
            }
            case "ClearImmutableId" -> {
                return "Successfully cleared ImmutableId for " + u.upn;
            }
            case "DeleteUser" -> {
                directory.delete(u);
                return "Successfully deleted user " + u.upn;
            }
            default -> {
                return "Successfully completed " + option + " for " + u.upn;
            }
        }
    }

    /** The verb phrase of CIPP's "Failed to … for {upn}" sentence. */
    static String verb(String option) {
        return switch (option) {
            case "RevokeSessions" -> "revoke sessions";
            case "ResetPass" -> "reset the password";
            case "DisableSignIn" -> "set account enabled state";
            case "HideFromGAL" -> "hide from GAL";
            case "RemoveGroups" -> "remove group memberships";
            case "RemoveRules" -> "remove mailbox rules";
            case "RemoveMobile" -> "remove mobile devices";
            case "removeCalendarInvites" -> "cancel future meetings";
            case "OOO" -> "set Out-of-office";
            case "forward" -> "set forwarding";
            case "disableForwarding" -> "disable forwarding";
            case "OnedriveAccess" -> "grant OneDrive access";
            case "DisableOneDriveSharing" -> "disable OneDrive sharing";
            case "AccessNoAutomap", "AccessAutomap" -> "add FullAccess permissions";
            case "removePermissions" -> "remove mailbox permissions";
            case "removeCalendarPermissions" -> "remove calendar permissions";
            case "ConvertToShared" -> "convert to a Shared mailbox";
            case "RemoveMFADevices" -> "remove MFA methods";
            case "RemoveTeamsPhoneDID" -> "remove Teams phone DID";
            case "RemoveLicenses" -> "remove licences";
            case "ClearImmutableId" -> "clear ImmutableId";
            case "DeleteUser" -> "delete user";
            default -> "run " + option;
        };
    }

    private static String targets(JsonObject options, String name) {
        JsonElement v = CippSimJobs.member(options, name);
        if (v == null || !v.isJsonArray()) return target(v);
        StringBuilder out = new StringBuilder();
        for (JsonElement e : v.getAsJsonArray()) {
            if (out.length() > 0) out.append(", ");
            out.append(target(e));
        }
        return out.toString();
    }

    private static String target(JsonElement v) {
        if (v == null || v.isJsonNull()) return "";
        if (v.isJsonObject()) {
            JsonElement value = CippSimJobs.member(v.getAsJsonObject(), "value");
            return value == null || value.isJsonNull() ? "" : value.getAsString();
        }
        return v.isJsonPrimitive() ? v.getAsString() : v.toString();
    }
}
