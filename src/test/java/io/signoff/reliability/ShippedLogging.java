package io.signoff.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.signoff.logging.SignoffLogging;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The process's logging switched to the SHIPPED set-up, SignoffLogging (its appenders, its patterns with %redactedMsg
 * and %redactedEx) writing into a test directory, with Signoff's own loggers turned up to TRACE so that every line the
 * code can write is written; the test configuration comes back on close.
 */
final class ShippedLogging implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    private ShippedLogging() { }

    static ShippedLogging into(Path logDir) {
        ShippedLogging logging = new ShippedLogging();
        logging.context.reset();
        SignoffLogging.configure(logging.context, logDir);
        logging.context.getLogger("io.signoff").setLevel(Level.TRACE);
        return logging;
    }

    @Override
    public void close() throws JoranException {
        context.reset(); // also closes the shipped file appender
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ShippedLogging.class.getResource("/logback-test.xml"));
    }
}
