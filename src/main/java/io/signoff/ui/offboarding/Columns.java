package io.signoff.ui.offboarding;

import io.signoff.ui.TableSupport;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Table columns of the wizard's pages: text that shows in full as a tooltip when the column cuts it, and status cells. */
final class Columns {
    private Columns() { }

    static <R> TableColumn<R, String> text(String title, double width, Function<R, String> value) {
        TableColumn<R, String> col = TableSupport.textColumn(title, width, value);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isBlank() ? null : new Tooltip(text));
            }
        });
        return col;
    }

    /** A status column: "✔ verified" coloured by {@link StatusLook#styleClass()}. */
    static <R> TableColumn<R, R> status(String title, double width, Function<R, StatusLook> look) {
        TableColumn<R, R> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(StatusLook.allStyleClasses());
                getStyleClass().remove("step-status");
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                StatusLook l = look.apply(row);
                setText(l.text());
                getStyleClass().addAll("step-status", l.styleClass());
            }
        });
        return col;
    }
}
