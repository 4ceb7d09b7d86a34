package io.signoff.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Copy of any cell, for every table in the console: right-click a cell for "Copy cell" / "Copy row", or Ctrl+C
 * (Cmd+C) to copy the cell last clicked. Text is taken from what the cell shows, so it is what the operator sees.
 */
public final class TableSupport {
    private static final String LAST_COLUMN = "signoff.lastColumn";
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private TableSupport() { }

    /** A column of text worked out from each row; the value is read when a cell shows the row. */
    public static <S> TableColumn<S, String> textColumn(String title, double width, Function<S, String> value) {
        TableColumn<S, String> col = textColumn(title, value);
        col.setPrefWidth(width);
        return col;
    }

    /** A column of text at JavaFX's default width. */
    public static <S> TableColumn<S, String> textColumn(String title, Function<S, String> value) {
        TableColumn<S, String> col = new TableColumn<>(title);
        col.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return col;
    }

    /**
     * Installs cell copying and a context menu with "Copy cell", "Copy row" and then {@code extra} items.
     * Returns the menu so callers can enable/disable their items when it shows.
     */
    public static <S> ContextMenu install(TableView<S> table, MenuItem... extra) {
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            TableColumn<?, ?> column = columnAt(e.getPickResult().getIntersectedNode());
            if (column != null) table.getProperties().put(LAST_COLUMN, column);
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copy(cellText(table));
                e.consume();
            }
        });
        MenuItem copyCell = new MenuItem("Copy cell");
        copyCell.setId(idPrefix(table) + "copy-cell");
        copyCell.setOnAction(e -> copy(cellText(table)));
        MenuItem copyRow = new MenuItem("Copy row");
        copyRow.setOnAction(e -> copy(rowText(table)));
        ContextMenu menu = new ContextMenu(copyCell, copyRow);
        if (extra.length > 0) {
            menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().addAll(extra);
        }
        table.setContextMenu(menu);
        return menu;
    }

    /** Text of the clicked cell in the selected row (the first column when none was clicked), or "". */
    public static <S> String cellText(TableView<S> table) {
        S item = table.getSelectionModel().getSelectedItem();
        if (item == null) return "";
        Object column = table.getProperties().get(LAST_COLUMN);
        TableColumn<S, ?> col = column instanceof TableColumn<?, ?> c && table.getVisibleLeafColumns().contains(c)
                ? cast(c) : table.getVisibleLeafColumns().isEmpty() ? null : table.getVisibleLeafColumns().get(0);
        return col == null ? "" : text(col, item);
    }

    /** The selected row's visible cells, tab-separated. */
    public static <S> String rowText(TableView<S> table) {
        S item = table.getSelectionModel().getSelectedItem();
        if (item == null) return "";
        List<String> cells = new ArrayList<>();
        for (TableColumn<S, ?> col : table.getVisibleLeafColumns()) cells.add(text(col, item));
        return cells.stream().collect(Collectors.joining("\t"));
    }

    public static void copy(String text) {
        if (text == null || text.isEmpty()) return;
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * Ctrl+F / Cmd+F focuses {@code target} while {@code view} is on screen. Installed on the scene once the view is
     * in one, so the shortcut works wherever the focus is (the navigation, a table).
     */
    public static void focusOnFind(Node view, Node target) {
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && !scene.getProperties().containsKey(findKey(view))) {
                scene.getProperties().put(findKey(view), Boolean.TRUE);
                installFind(scene, view, target);
            }
        });
    }

    private static void installFind(Scene scene, Node view, Node target) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e) && view.getScene() == scene && view.getParent() != null && view.isVisible()) {
                target.requestFocus();
                e.consume();
            }
        });
    }

    private static String findKey(Node view) {
        return "signoff.find." + System.identityHashCode(view);
    }

    private static <S> String text(TableColumn<S, ?> col, S item) {
        Object value = col.getCellObservableValue(item) == null ? null : col.getCellObservableValue(item).getValue();
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static <S> TableColumn<S, ?> cast(TableColumn<?, ?> c) {
        return (TableColumn<S, ?>) c;
    }

    private static TableColumn<?, ?> columnAt(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableCell<?, ?> cell) return cell.getTableColumn();
            if (n instanceof TableView<?>) return null;
        }
        return null;
    }

    private static String idPrefix(TableView<?> table) {
        return table.getId() == null ? "" : table.getId() + "-";
    }
}
