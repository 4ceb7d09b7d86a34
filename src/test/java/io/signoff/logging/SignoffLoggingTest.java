package io.signoff.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignoffLoggingTest {

    @Test
    void aConfigurationFileOnTheClassPathIsLeftToLogback() {
        // This test run has logback-test.xml on its class path, as an operator's -Dlogback.configurationFile would be.
        LoggerContext context = new LoggerContext();
        SignoffLogging configurator = new SignoffLogging();
        configurator.setContext(context);
        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator.configure(context));
        assertFalse(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(), "nothing was set up");
    }

    @Test
    void theShippedSetUpWritesInfoAndUpToTheLogDirectoryAndErrorsOnly(@TempDir Path logs) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // what SLF4J's binding gives the real one
        SignoffLogging.configure(context, logs);
        try {
            context.getLogger("io.signoff.somewhere").info("kept for the operator");
            context.getLogger("io.signoff.somewhere").debug("not kept");
            context.getLogger("okhttp3.internal").info("library chatter");
            context.getLogger("io.signoff.somewhere").warn("token xoxp-1111-2222-3333-abcdefabcdef in a message");
        } finally {
            context.stop();
        }
        String log = Files.readString(logs.resolve("signoff.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("INFO  [") && log.contains("kept for the operator"), log);
        assertFalse(log.contains("not kept") || log.contains("library chatter"), log);
        assertFalse(log.contains("xoxp-1111-2222-3333-abcdefabcdef"), "a token shape is masked: " + log);
    }
}
