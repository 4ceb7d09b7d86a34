package io.signoff.ui;

import io.signoff.controller.LookupScope;
import io.signoff.controller.Person;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the tenants, users and sessions views share: the tenants the operator selected (the search scope) and the
 * person being looked at, plus a way to switch sections (Users → "Show sessions"). FX thread only.
 */
public final class Workspace {
    private final ObjectProperty<LookupScope> scope = new SimpleObjectProperty<>(LookupScope.everywhere());
    private final ObjectProperty<Person> person = new SimpleObjectProperty<>();
    private Consumer<Section> navigator = section -> { };
    private Consumer<String> status = text -> { };

    public ObjectProperty<LookupScope> scope() { return scope; }

    public ObjectProperty<Person> person() { return person; }

    /** Connects section switching and the status line once the main window exists: {@code workspace.attach(window)}. */
    public void attach(MainWindow window) {
        Objects.requireNonNull(window, "window");
        navigator = window::select;
        status = window::setStatus;
    }

    /** Makes {@code who} the person of interest and shows their sessions. */
    public void showSessions(Person who) {
        person.set(Objects.requireNonNull(who, "who"));
        navigator.accept(Section.SESSIONS);
    }

    public void show(Section section) {
        navigator.accept(section);
    }

    public void status(String text) {
        status.accept(text);
    }
}
