package io.signoff.ui;

import io.signoff.controller.*;
import io.signoff.testing.SimulatedConnections;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.*;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.*;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ScratchShots {
    static SimulatedConnections sim;
    LookupViews views;
    MainWindow window;
    Scene scene;

    @BeforeAll static void up() throws Exception { sim = SimulatedConnections.start(); }
    @AfterAll static void down() { sim.close(); }

    @Start void start(Stage stage) {
        ProviderPool pool = new ProviderPool(sim::connections, sim.providers(), sim.secrets());
        TenantsController t = new TenantsController(pool, sim.executor());
        LookupController l = new LookupController(t, sim.executor());
        SessionsController s = new SessionsController(t, e -> 1, new OperatorIdentity("tester", "host"), "ui", sim.executor(),
                new VerificationPolicy(List.of(Duration.ofMillis(200)), Duration.ofMinutes(5)), Clock.systemUTC());
        views = LookupViews.create(t, l, s);
        Map<Section, SectionView> map = new EnumMap<>(Section.class);
        for (Section sec : Section.values()) map.put(sec, new PlaceholderView(sec, sec.subtitle()));
        views.putInto(map);
        window = new MainWindow(map, true, "v-test");
        views.attach(window);
        scene = new Scene(window.root(), 1200, 740);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        stage.setScene(scene);
        window.select(Section.TENANTS);
        stage.show();
    }

    void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(5, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", Path.of("/tmp/scratch/" + name + ".png").toFile());
    }

    @Test void shots(FxRobot robot) throws Exception {
        views.tenants().loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        shot("tenants");
        robot.interact(() -> window.select(Section.USERS));
        robot.clickOn("#user-search").write("jane.doe@contoso.com").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        views.users().loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        shot("users");
        robot.interact(() -> views.workspace().showSessions(views.workspace().person().get()));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        views.sessions().loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        shot("sessions");
        robot.clickOn("#revoke-everywhere");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#revoke-confirm-text").write("jane.doe@contoso.com");
        var dlg = robot.lookup("#revoke-dialog").query();
        var img = WaitForAsyncUtils.asyncFx(() -> dlg.getScene().snapshot(null)).get(5, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", Path.of("/tmp/scratch/dialog.png").toFile());
        robot.clickOn("#revoke-confirm-button");
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        shot("verified");
    }
}
