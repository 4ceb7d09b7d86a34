package io.signoff.ui.users;

import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;

/**
 * The search box. A text field drops line breaks from pasted text, which would glue a pasted column of addresses
 * into one word: pasting here turns line breaks into "; " first.
 */
final class SearchField extends TextField {
    @Override
    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasString() && clipboard.getString() != null) {
            String text = clipboard.getString().strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ").replace('\t', ' ');
            replaceSelection(text);
        } else {
            super.paste();
        }
    }
}
