package io.signoff.ui;

import io.signoff.controller.LookupController;
import io.signoff.controller.SessionsController;
import io.signoff.controller.TenantsController;
import io.signoff.ui.sessions.SessionsView;
import io.signoff.ui.tenants.TenantsView;
import io.signoff.ui.users.UsersView;
import java.util.Map;

/**
 * The three views of the "find a person, see their sessions, revoke" flow, sharing one {@link Workspace}.
 * Wiring: {@code LookupViews v = LookupViews.create(tenants, lookup, sessions); v.putInto(views);}, build the
 * MainWindow from {@code views}, then {@code v.attach(window)} so "Show sessions" can switch sections.
 */
public record LookupViews(Workspace workspace, TenantsView tenants, UsersView users, SessionsView sessions) {

    public static LookupViews create(TenantsController tenants, LookupController lookup, SessionsController sessions) {
        Workspace workspace = new Workspace();
        return new LookupViews(workspace, new TenantsView(tenants, workspace), new UsersView(lookup, workspace),
                new SessionsView(sessions, lookup, workspace));
    }

    public void putInto(Map<Section, SectionView> views) {
        views.put(Section.TENANTS, tenants);
        views.put(Section.USERS, users);
        views.put(Section.SESSIONS, sessions);
    }

    public void attach(MainWindow window) {
        workspace.attach(window);
    }
}
