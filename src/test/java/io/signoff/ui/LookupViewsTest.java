package io.signoff.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.controller.LookupController;
import io.signoff.controller.Person;
import io.signoff.controller.ProviderPool;
import io.signoff.controller.SessionRow;
import io.signoff.controller.SessionsController;
import io.signoff.controller.TenantsController;
import io.signoff.controller.VerificationPolicy;
import io.signoff.audit.AuditFilter;
import io.signoff.audit.OperatorIdentity;
import io.signoff.audit.SortOrder;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import io.signoff.simulator.Fault;
import io.signoff.testing.SimulatedConnections;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.geometry.Bounds;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The find → sessions → revoke → verify flow through the real views, on the simulator over real HTTP. */
@ExtendWith(ApplicationExtension.class)
class LookupViewsTest {
    private SimulatedConnections sim;
    private MainWindow window;
    @TempDir
    Path data;
    private SqliteAuditStore store;

    @Start
    void start(Stage stage) throws Exception {
        sim = SimulatedConnections.start();
        store = SqliteAuditStore.open(data.resolve(SqliteAuditStore.FILE_NAME));
        ProviderPool pool = new ProviderPool(sim::connections, sim.providers(), sim.secrets());
        TenantsController tenants = new TenantsController(pool, sim.executor());
        LookupController lookup = new LookupController(tenants, sim.executor());
        SessionsController sessions = new SessionsController(tenants, store, () -> new OperatorIdentity("ui-tester", null, "test-host"),
                "ui", sim.executor(),
                new VerificationPolicy(List.of(Duration.ofMillis(100)), Duration.ofMinutes(5)), Clock.systemUTC());
        LookupViews views = LookupViews.create(tenants, lookup, sessions);
        Map<Section, SectionView> map = new EnumMap<>(Section.class);
        for (Section s : Section.values()) map.put(s, new PlaceholderView(s, s.subtitle()));
        views.putInto(map);
        window = new MainWindow(map, true, "v-test");
        views.attach(window);
        Scene scene = new Scene(window.root(), 1200, 740);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        stage.setScene(scene);
        window.select(Section.USERS);
        stage.show();
    }

    @AfterEach
    void stop() {
        sim.close();
        store.close();
    }

    private List<Outcome> audited() {
        return store.page(AuditFilter.ALL, SortOrder.OLDEST_FIRST, null, 1000).rows().stream().map(r -> r.event().outcome()).toList();
    }

    @Test
    void searchingShowsEveryProvidersStateAndThePersonsAccounts(FxRobot robot) throws Exception {
        robot.clickOn("#nav-tenants");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertEquals("tenants-filter", robot.targetWindow().getScene().getFocusOwner().getId(), "Ctrl+F in Tenants");
        robot.clickOn("#nav-users");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertEquals("user-search", robot.targetWindow().getScene().getFocusOwner().getId(), "Ctrl+F in Users");
        search(robot, "jane.doe@contoso.com");

        waitFor(() -> chipsDone(robot));
        for (String id : List.of(SimulatedConnections.CIPP, SimulatedConnections.SLACK, SimulatedConnections.CLOUDFLARE, SimulatedConnections.LUCID)) {
            assertTrue(chip(robot, id).getStyleClass().contains("chip-found"), id + ": " + chip(robot, id).getText());
        }
        TableView<Person> people = robot.lookup("#people-table").queryTableView();
        assertEquals(1, people.getItems().size());
        TableView<DirectoryUser> accounts = robot.lookup("#accounts-table").queryTableView();
        waitFor(() -> accounts.getItems().size() == 4);
        assertEquals(EnumSet.allOf(ProviderKind.class), EnumSet.copyOf(accounts.getItems().stream().map(DirectoryUser::kind).toList()));

        openContextMenu(robot, cell(robot, "#people-table", 0, "Email"));
        robot.clickOn("Copy cell");
        assertEquals("jane.doe@contoso.com", WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(),
                "the Email cell was right-clicked");
        openContextMenu(robot, cell(robot, "#people-table", 0, "Name"));
        robot.clickOn("Copy cell");
        assertEquals("Jane Doe", WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
        openContextMenu(robot, cell(robot, "#people-table", 0, "Name"));
        robot.clickOn("Copy email");
        assertEquals("jane.doe@contoso.com", WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
    }

    @Test
    void fastProvidersShowWhileASlowOneSearchesAndAFailingOneSaysWhy(FxRobot robot) throws Exception {
        sim.simulator().faults(ProviderKind.SLACK).latency(Duration.ofMillis(1500));
        sim.simulator().faults(ProviderKind.CLOUDFLARE).enabledFaults(EnumSet.of(Fault.SERVER_ERROR)).faultRate(1.0);
        search(robot, "jane.doe@contoso.com");

        waitFor(() -> has(robot, "#chip-" + SimulatedConnections.LUCID, "chip-found"));
        assertTrue(chip(robot, SimulatedConnections.SLACK).getStyleClass().contains("chip-searching"),
                "Slack is still searching while Lucid has answered");
        assertFalse(robot.lookup("#people-table").queryTableView().getItems().isEmpty(), "the person is listed already");
        assertTrue(robot.lookup("#user-search-cancel").queryAs(Button.class).isVisible(), "a running search can be cancelled");

        waitFor(() -> chipsDone(robot));
        Label cloudflare = chip(robot, SimulatedConnections.CLOUDFLARE);
        assertTrue(cloudflare.getTooltip().getText().contains(ErrorKind.TRANSIENT.advice()), cloudflare.getTooltip().getText());
        assertTrue(cloudflare.getStyleClass().contains("chip-error"), cloudflare.getText());
        assertTrue(cloudflare.getText().contains("error: "), cloudflare.getText());
        assertTrue(chip(robot, SimulatedConnections.SLACK).getStyleClass().contains("chip-found"));
    }

    @Test
    void revokingOneSlackSessionVerifiesItAndKeepsTheOthers(FxRobot robot) throws Exception {
        showSessionsOf(robot, "jane.doe@contoso.com");
        TableView<SessionRow> table = robot.lookup("#sessions-table").queryTableView();
        long slackBefore = slackSessions(table);
        assertEquals(6, slackBefore);
        Button revokeSelected = robot.lookup("#revoke-selected").queryButton();
        assertTrue(revokeSelected.isDisabled(), "nothing selected yet");
        int row = indexOfFirst(table, r -> r.session() != null && r.owner().connection().id().equals(SimulatedConnections.SLACK));
        String sessionId = table.getItems().get(row).session().id();
        robot.interact(() -> table.getSelectionModel().select(row));
        robot.clickOn("#revoke-selected");
        Label call = robot.lookup("#revoke-call-0").queryAs(Label.class);
        assertTrue(call.getText().contains("end session " + sessionId), call.getText());
        robot.clickOn("#revoke-confirm-button");

        waitFor(() -> has(robot, "#verify-state-" + SimulatedConnections.SLACK, "chip-verified"));
        waitFor(() -> slackSessions(table) == slackBefore - 1);
        assertTrue(table.getItems().stream().noneMatch(r -> r.session() != null && r.session().id().equals(sessionId)));
        assertEquals(List.of(Outcome.ATTEMPTED, Outcome.SUCCEEDED, Outcome.VERIFIED), audited());
    }

    @Test
    void revokingEverywhereNeedsTheTypedEmailAndShowsEachProvidersVerification(FxRobot robot) throws Exception {
        showSessionsOf(robot, "jane.doe@contoso.com");
        robot.clickOn("#revoke-everywhere");
        Button confirm = robot.lookup("#revoke-confirm-button").queryButton();
        assertTrue(confirm.isDisabled());
        TextField typed = robot.lookup("#revoke-confirm-text").queryAs(TextField.class);
        robot.interact(() -> typed.setText("jane@contoso.com"));
        assertTrue(confirm.isDisabled(), "an alias is not the confirmation");
        robot.interact(typed::clear);
        robot.clickOn(typed).write("jane.doe@contoso.com");
        assertFalse(confirm.isDisabled());
        robot.clickOn(confirm);

        waitFor(() -> robot.lookup("#verification-dismiss").queryButton().isDisabled() == false);
        for (String id : List.of(SimulatedConnections.CIPP, SimulatedConnections.SLACK, SimulatedConnections.CLOUDFLARE)) {
            assertTrue(has(robot, "#verify-state-" + id, "chip-verified"), id + ": " + text(robot, "#verify-detail-" + id));
        }
        assertTrue(has(robot, "#verify-state-" + SimulatedConnections.LUCID, "chip-manual"));
        assertTrue(text(robot, "#verify-residual-" + SimulatedConnections.CLOUDFLARE).contains("1 minute"),
                text(robot, "#verify-residual-" + SimulatedConnections.CLOUDFLARE));
        assertTrue(text(robot, "#verify-residual-" + SimulatedConnections.CIPP).contains("hour"),
                text(robot, "#verify-residual-" + SimulatedConnections.CIPP));
        assertEquals(3, audited().stream().filter(o -> o == Outcome.VERIFIED).count());
    }

    private void showSessionsOf(FxRobot robot, String email) throws Exception {
        search(robot, email);
        waitFor(() -> chipsDone(robot) && !robot.lookup("#detail-show-sessions").queryButton().isDisabled());
        robot.clickOn("#detail-show-sessions");
        assertEquals(Section.SESSIONS, window.selectedSection().get());
        waitFor(() -> robot.lookup("#sessions-table").queryTableView().getItems().stream()
                .noneMatch(r -> ((SessionRow) r).kind() == SessionRow.Kind.LOADING)
                && !robot.lookup("#revoke-everywhere").queryButton().isDisabled());
    }

    /** Puts the text in the search box (typing it key by key is slow and tests nothing more) and presses Enter. */
    private static void search(FxRobot robot, String text) {
        TextField box = robot.lookup("#user-search").queryAs(TextField.class);
        robot.interact(() -> box.setText(text));
        robot.clickOn(box).type(KeyCode.ENTER);
    }

    /**
     * Right-clicks a node: the secondary-button press (which selects the row and records the clicked column) and the
     * context-menu request a real platform sends with it. Both are delivered to the node itself: Monocle's headless
     * robot neither turns a right click into a menu request nor always lands on a just-laid-out cell.
     */
    private static void openContextMenu(FxRobot robot, Node node) {
        robot.interact(() -> {
            Bounds b = node.localToScreen(node.getBoundsInLocal());
            double x = b.getWidth() / 2, y = b.getHeight() / 2, sx = b.getMinX() + x, sy = b.getMinY() + y;
            PickResult pick = new PickResult(node, sx, sy);
            node.fireEvent(new MouseEvent(MouseEvent.MOUSE_PRESSED, x, y, sx, sy, MouseButton.SECONDARY, 1,
                    false, false, false, false, false, false, true, false, false, true, pick));
            node.fireEvent(new MouseEvent(MouseEvent.MOUSE_RELEASED, x, y, sx, sy, MouseButton.SECONDARY, 1,
                    false, false, false, false, false, false, false, false, false, true, pick));
            node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, x, y, sx, sy, false, pick));
        });
    }

    /** The on-screen cell of a table's row and column (rows are recycled: looked up by index, not by position). */
    private static Node cell(FxRobot robot, String table, int row, String column) throws Exception {
        Callable<java.util.Optional<Node>> find = () -> robot.lookup(table + " .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> c.getIndex() == row && !c.isEmpty()
                        && c.getTableColumn() != null && column.equals(c.getTableColumn().getText())).tryQuery();
        waitFor(() -> find.call().isPresent()); // after new items, the cells exist from the next layout pass on
        return find.call().orElseThrow();
    }

    private static long slackSessions(TableView<SessionRow> table) {
        return table.getItems().stream().filter(r -> r.session() != null && r.owner().connection().id().equals(SimulatedConnections.SLACK)).count();
    }

    private static int indexOfFirst(TableView<SessionRow> table, java.util.function.Predicate<SessionRow> p) {
        for (int i = 0; i < table.getItems().size(); i++) if (p.test(table.getItems().get(i))) return i;
        throw new AssertionError("no such row");
    }

    private static Label chip(FxRobot robot, String connectionId) {
        return robot.lookup("#chip-" + connectionId).queryAs(Label.class);
    }

    private static boolean chipsDone(FxRobot robot) {
        return robot.lookup(".chip-searching").queryAll().isEmpty() && !robot.lookup(".chip").queryAll().isEmpty();
    }

    private static boolean has(FxRobot robot, String query, String styleClass) {
        return robot.lookup(query).tryQuery().map(n -> n.getStyleClass().contains(styleClass)).orElse(false);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
