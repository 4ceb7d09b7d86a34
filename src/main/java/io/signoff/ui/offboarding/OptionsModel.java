package io.signoff.ui.offboarding;

import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.offboarding.BundleOptions;
import io.signoff.offboarding.CustomStep;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.OptionsTemplate;
import io.signoff.offboarding.ProviderOptions;
import io.signoff.offboarding.TargetAccount;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Page 3's state: what to do on each connection where a person has an account, offered from the connection's
 * capabilities and pre-filled from the engine's suggestion (which carries the tenant's CIPP offboarding defaults);
 * the manual steps the operator adds; the reference (ticket number); templates. Applies the exclusions: the job's
 * "Delete user" turns off and disables everything else on that connection, as CIPP's own wizard does; "keep a copy"
 * only means something with forwarding. Plain Java.
 */
final class OptionsModel {

    /** Sub-choices of "revoke all sessions" a provider reads (see {@link io.signoff.model.RevokeOptions}). */
    enum RevokeChoice { SCOPE, DEVICES }

    /**
     * One connection's part of the page.
     *
     * @param tenants            the ids of the tenants where the accounts are ("contoso.onmicrosoft.com"), for templates
     * @param tenantLabels       the same tenants as the operator knows them ("Contoso Ltd (contoso.onmicrosoft.com)")
     * @param manualInstruction  the provider's manual logout instruction when it has no session API (Lucid); else null
     * @param revokeChoices      the revoke sub-choices this provider reads
     */
    record Section(Connection connection, Set<Capability> capabilities, List<String> tenants, List<String> tenantLabels,
                   int accounts, String manualInstruction, Set<RevokeChoice> revokeChoices) {
        boolean supports(Capability c) { return capabilities.contains(c); }

        boolean offersManualLogout() { return manualInstruction != null; }

        String id() { return connection.id(); }
    }

    private final List<Section> sections;
    private final Map<String, ProviderOptions> byConnection = new LinkedHashMap<>();
    private final List<CustomStep> customSteps = new ArrayList<>();
    private String reference;

    private OptionsModel(List<Section> sections, OffboardingOptions start) {
        this.sections = List.copyOf(sections);
        for (Section s : sections) byConnection.put(s.id(), start.forConnection(s.id()));
        customSteps.addAll(start.customSteps());
        reference = start.reference();
    }

    /** The page for these people, starting from {@code suggested} (the engine's pre-selection). */
    static OptionsModel of(List<OffboardingTarget> targets, OffboardingOptions suggested) {
        Map<String, Section> out = new LinkedHashMap<>();
        Map<String, Set<String>> tenants = new LinkedHashMap<>();
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Set<Capability>> caps = new LinkedHashMap<>();
        Map<String, String> manual = new LinkedHashMap<>();
        Map<String, Connection> connections = new LinkedHashMap<>();
        for (OffboardingTarget t : targets) {
            for (TargetAccount a : t.found()) {
                String id = a.connection().id();
                connections.putIfAbsent(id, a.connection());
                caps.computeIfAbsent(id, k -> EnumSet.noneOf(Capability.class)).addAll(a.capabilities());
                tenants.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(a.tenantId());
                labels.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(label(a));
                counts.merge(id, 1, Integer::sum);
                if (a.manualSessionInstruction() != null) manual.putIfAbsent(id, a.manualSessionInstruction());
            }
        }
        for (Map.Entry<String, Connection> e : connections.entrySet()) {
            String id = e.getKey();
            List<String> where = tenants.get(id).stream().filter(s -> !s.isBlank()).toList();
            List<String> shown = labels.get(id).stream().filter(s -> !s.isBlank()).toList();
            out.put(id, new Section(e.getValue(), Set.copyOf(caps.get(id)), where, shown, counts.get(id), manual.get(id),
                    revokeChoices(e.getValue().kind())));
        }
        return new OptionsModel(new ArrayList<>(out.values()), suggested == null ? OffboardingOptions.empty() : suggested);
    }

    private static String label(TargetAccount a) {
        if (a.tenant() == null) return "";
        String name = a.tenant().displayName();
        return name.equals(a.tenant().id()) ? name : name + " (" + a.tenant().id() + ")";
    }

    /**
     * No capability tells Slack's web/mobile scope from Cloudflare's devices/WARP flags: both are "revoke all sessions"
     * and each provider reads only its own fields of RevokeOptions. So which sub-choices to show is the one place
     * this page looks at the provider kind.
     */
    static Set<RevokeChoice> revokeChoices(ProviderKind kind) {
        return switch (kind) {
            case SLACK -> EnumSet.of(RevokeChoice.SCOPE);
            case CLOUDFLARE -> EnumSet.of(RevokeChoice.DEVICES);
            default -> EnumSet.noneOf(RevokeChoice.class);
        };
    }

    List<Section> sections() { return sections; }

    ProviderOptions options(String connectionId) {
        return byConnection.getOrDefault(connectionId, ProviderOptions.none());
    }

    /** Changes one connection's options (a checkbox, the revoke scope…). */
    void update(String connectionId, UnaryOperator<ProviderOptions> change) {
        requireSection(connectionId);
        byConnection.put(connectionId, Objects.requireNonNull(change.apply(options(connectionId))));
    }

    /**
     * Job options the connection can also do as a step of its own (block sign-in, revoke sessions). They are shown in
     * the job's list but tick the direct step: direct steps run in Microsoft's order (block first, then revoke, and
     * revoke again after) and are verified on their own, while the job would revoke before it blocks.
     */
    boolean bundleOptionDoneDirectly(String connectionId, String name) {
        Section s = section(connectionId);
        return BundleOptions.DISABLE_SIGN_IN.equals(name) && s.supports(Capability.DISABLE_SIGN_IN)
                || BundleOptions.REVOKE_SESSIONS.equals(name) && s.supports(Capability.REVOKE_ALL_SESSIONS);
    }

    /**
     * Sets one job option. DeleteUser clears every other option (BundleOptions applies CIPP's rule); removing the
     * forwarding target also removes "keep a copy", which only qualifies forwarding.
     */
    void setBundleOption(String connectionId, String name, Object value) {
        if (bundleOptionDoneDirectly(connectionId, name)) {
            boolean on = value != null && BundleOptions.isSelected(Map.of(name, value), name);
            update(connectionId, o -> BundleOptions.DISABLE_SIGN_IN.equals(name) ? o.withDisableSignIn(on)
                    : o.withRevokeSessions(on, o.revoke()));
            return;
        }
        update(connectionId, o -> {
            ProviderOptions next = o.withBundleOption(name, value);
            if (BundleOptions.FORWARD.equals(name) && !BundleOptions.isSelected(next.bundle(), BundleOptions.FORWARD)) {
                next = next.withBundleOption(BundleOptions.KEEP_COPY, null);
            }
            return next;
        });
    }

    boolean bundleOptionSelected(String connectionId, String name) {
        if (bundleOptionDoneDirectly(connectionId, name)) {
            ProviderOptions o = options(connectionId);
            return BundleOptions.DISABLE_SIGN_IN.equals(name) ? o.disableSignIn() : o.revokeSessions();
        }
        return BundleOptions.isSelected(options(connectionId).bundle(), name);
    }

    Object bundleValue(String connectionId, String name) {
        return options(connectionId).bundle().get(name);
    }

    /**
     * Whether a job option can be changed now: with "Delete user" on, only "Delete user" itself and the notifications,
     * which report on whatever the job does.
     */
    boolean bundleOptionEnabled(String connectionId, String name) {
        if (deletesUser(connectionId)) return BundleOptions.DELETE_USER.equals(name) || BundleOptions.POST_EXECUTION.equals(name);
        if (BundleOptions.KEEP_COPY.equals(name)) return bundleOptionSelected(connectionId, BundleOptions.FORWARD);
        return true;
    }

    /** Whether the connection's own actions (block sign-in, revoke, deactivate, delete) can be changed now. */
    boolean actionsEnabled(String connectionId) {
        return !deletesUser(connectionId);
    }

    boolean deletesUser(String connectionId) {
        return options(connectionId).deletesUser();
    }

    List<CustomStep> customSteps() { return List.copyOf(customSteps); }

    void addCustomStep(String title, String instruction) {
        customSteps.add(new CustomStep(title, instruction));
    }

    void removeCustomStep(int index) {
        if (index >= 0 && index < customSteps.size()) customSteps.remove(index);
    }

    String reference() { return reference; }

    void setReference(String text) { reference = text == null ? "" : text.strip(); }

    /**
     * What will be planned. A connection whose job deletes the user gets only the job: the deletion replaces every
     * other action there (the disabled controls may still hold earlier ticks; they are not sent).
     */
    OffboardingOptions toOptions() {
        Map<String, ProviderOptions> out = new LinkedHashMap<>();
        for (Section s : sections) {
            ProviderOptions o = options(s.id());
            out.put(s.id(), o.deletesUser() ? ProviderOptions.none().withBundle(o.bundle()) : o);
        }
        return new OffboardingOptions(out, customSteps, reference);
    }

    /** The options worth keeping as a policy: everything but the ticket number, which belongs to one run. */
    OffboardingOptions toTemplateOptions() {
        return toOptions().withReference("");
    }

    /** Every tenant in scope, for "save for tenant…" and for picking the templates that apply. */
    List<String> tenants() {
        Set<String> out = new LinkedHashSet<>();
        sections.forEach(s -> out.addAll(s.tenants()));
        return List.copyOf(out);
    }

    /** The templates that apply to any tenant in scope (and the general ones), in the order given. */
    List<OptionsTemplate> applicable(List<OptionsTemplate> all) {
        List<String> here = tenants();
        return all.stream().filter(t -> t.tenant() == null || here.stream().anyMatch(t::appliesTo)).toList();
    }

    /**
     * Loads a template: its choices replace the current ones on every connection it names; connections it does not
     * name keep theirs; its manual steps replace the current list; the reference (ticket) is kept.
     *
     * @return notes for the operator about connections the template did not cover
     */
    List<String> applyTemplate(OptionsTemplate template) {
        List<String> notes = new ArrayList<>();
        for (Section s : sections) {
            ProviderOptions chosen = template.options().byConnection().get(s.id());
            if (chosen != null) {
                byConnection.put(s.id(), chosen);
            } else {
                notes.add("\"" + template.name() + "\" has no choices for " + s.connection().displayName()
                        + ": its current choices are kept.");
            }
        }
        customSteps.clear();
        customSteps.addAll(template.options().customSteps());
        return notes;
    }

    /** True when at least one action would be planned for someone (a custom step counts). */
    boolean anythingChosen() {
        if (!customSteps.isEmpty()) return true;
        for (ProviderOptions o : toOptions().byConnection().values()) {
            if (o.disableSignIn() || o.revokeSessions() || o.deactivate() || o.hardDelete() || o.manualLogout()
                    || !BundleOptions.selectedActions(o.bundle()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void requireSection(String connectionId) {
        section(connectionId);
    }

    private Section section(String connectionId) {
        return sections.stream().filter(s -> s.id().equals(connectionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No account in scope on connection " + connectionId));
    }
}
