package io.signoff.ui;

import io.signoff.controller.LookupController;
import io.signoff.controller.SessionsController;
import io.signoff.controller.TenantsController;
import io.signoff.ui.sessions.SessionsView;
import io.signoff.ui.tenants.TenantsView;
import io.signoff.ui.users.UsersView;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The three views of the "find a person, see their sessions, revoke" flow, sharing one {@link Workspace}. Each is
 * built when first shown (the shared state lives in the workspace, which each view reads when it is built).
 * Wiring: {@code LookupViews v = LookupViews.create(tenants, lookup, sessions); v.putInto(views);}, build the
 * MainWindow from {@code views}, then {@code v.attach(window)} so "Show sessions" can switch sections.
 */
public final class LookupViews {
    private final Workspace workspace;
    private final LazyView<TenantsView> tenants;
    private final LazyView<UsersView> users;
    private final LazyView<SessionsView> sessions;

    private LookupViews(Workspace workspace, LazyView<TenantsView> tenants, LazyView<UsersView> users,
                        LazyView<SessionsView> sessions) {
        this.workspace = workspace;
        this.tenants = tenants;
        this.users = users;
        this.sessions = sessions;
    }

    public static LookupViews create(TenantsController tenants, LookupController lookup, SessionsController sessions) {
        return create(tenants, lookup, () -> sessions);
    }

    /** @param sessions asked for when the Sessions view is first built */
    public static LookupViews create(TenantsController tenants, LookupController lookup, Supplier<SessionsController> sessions) {
        Workspace workspace = new Workspace();
        return new LookupViews(workspace, new LazyView<>(() -> new TenantsView(tenants, workspace)),
                new LazyView<>(() -> new UsersView(lookup, workspace)),
                new LazyView<>(() -> new SessionsView(sessions.get(), lookup, workspace)));
    }

    public Workspace workspace() { return workspace; }

    public TenantsView tenants() { return tenants.get(); }

    public UsersView users() { return users.get(); }

    public SessionsView sessions() { return sessions.get(); }

    public void putInto(Map<Section, SectionView> views) {
        views.put(Section.TENANTS, tenants);
        views.put(Section.USERS, users);
        views.put(Section.SESSIONS, sessions);
    }

    public void attach(MainWindow window) {
        workspace.attach(window);
    }
}
