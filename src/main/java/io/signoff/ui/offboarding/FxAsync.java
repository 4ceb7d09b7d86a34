package io.signoff.ui.offboarding;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the answer of a background call back to the FX thread; failures become one sentence for the operator. */
final class FxAsync {
    private static final Logger LOG = LoggerFactory.getLogger(FxAsync.class);

    private FxAsync() { }

    /**
     * @param what    what was being done, for the log and the message ("Reading the CSV file")
     * @param onValue runs on the FX thread with the value
     * @param onError runs on the FX thread with a message fit for the operator (no stack trace)
     */
    static <T> void onFx(CompletionStage<T> stage, String what, Consumer<T> onValue, Consumer<String> onError) {
        stage.whenComplete((value, error) -> {
            if (error == null) {
                Platform.runLater(() -> onValue.accept(value));
            } else {
                Throwable cause = unwrap(error);
                // Logged here, where it is handled; the operator sees the message only.
                LOG.warn("{} failed: {}", what, cause.toString(), cause);
                String message = what + " failed: " + message(cause);
                Platform.runLater(() -> onError.accept(message));
            }
        });
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
