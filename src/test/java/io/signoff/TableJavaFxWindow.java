package io.signoff;

import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * A reference point for the start-up benchmark, not a target: {@link BareJavaFxWindow} plus what any console's first
 * screen has (a seven-row table of five columns, a tool bar with a search field, a column of navigation buttons, a
 * status line) and no Signoff code at all: no services, no HTTP, no stylesheet of ours. What it costs over the bare
 * window is what the JavaFX controls alone cost. Prints {@link BareJavaFxWindow#SHOWN} once the window is up.
 */
public final class TableJavaFxWindow {
    private TableJavaFxWindow() { }

    public static void main(String[] args) {
        Platform.startup(() -> {
            TableView<String[]> table = new TableView<>();
            for (int c = 0; c < 5; c++) {
                int column = c;
                TableColumn<String[], String> col = new TableColumn<>("Column " + (c + 1));
                col.setCellValueFactory(row -> new SimpleStringProperty(row.getValue()[column]));
                table.getColumns().add(col);
            }
            for (int r = 1; r <= 7; r++) {
                table.getItems().add(new String[] {"Tenant " + r, "tenant" + r + ".example", "Connection", "Active", "—"});
            }
            VBox navigation = new VBox(new Button("Tenants"), new Button("Users"), new Button("Sessions"),
                    new Button("Offboarding"), new Button("Audit"), new Button("Connections"));
            ToolBar tools = new ToolBar(new Button("Refresh"), new TextField());
            Stage stage = new Stage();
            stage.setTitle("A JavaFX window with a table");
            stage.setScene(new Scene(new BorderPane(table, tools, null, new Label("7 rows"), navigation), 1200, 780));
            stage.show();
            Platform.runLater(() -> System.out.println(BareJavaFxWindow.SHOWN)); // the benchmark's signal
        });
    }
}
