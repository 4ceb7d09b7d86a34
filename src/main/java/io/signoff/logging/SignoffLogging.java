package io.signoff.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import io.signoff.provider.http.RedactingMessageConverter;
import io.signoff.provider.http.RedactingThrowableConverter;
import java.nio.file.Path;

/**
 * The shipped logging, set up in code: errors to stderr for the operator; INFO and up to a rolling file under the data
 * directory. Every line goes through the Redactor's patterns ({@code %redactedMsg}, {@code %redactedEx}): no
 * token-shaped text reaches a log, whoever logged it.
 *
 * <p>In code rather than a logback.xml because reading XML costs the console a fifth of a second at every start.
 * Logback finds this class through {@code META-INF/services} and asks it before its own file lookup; it steps aside
 * when there is a file to read: an operator's {@code -Dlogback.configurationFile=…}, or the tests' logback-test.xml.
 */
public final class SignoffLogging extends ContextAwareBase implements Configurator {
    /** Where the log file goes: set by the launcher before the first logger is made. */
    public static final String LOG_DIR_PROPERTY = "signoff.logDir";
    static final String STDERR_PATTERN = "%d{HH:mm:ss} %-5level %redactedMsg%n%nopex";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %redactedMsg%n%redactedEx";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (aConfigurationFileIsGiven()) return ExecutionStatus.INVOKE_NEXT_IF_ANY; // logback's own lookup reads it next
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        configure(context, dir != null ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"), "signoff-logs"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** An operator's -Dlogback.configurationFile, or a logback-test.xml / logback.xml on the class path (the tests'). */
    private static boolean aConfigurationFileIsGiven() {
        if (System.getProperty("logback.configurationFile") != null) return true;
        ClassLoader loader = SignoffLogging.class.getClassLoader();
        return loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }

    /** Replaces {@code context}'s configuration with the shipped one, writing into {@code logDir}. */
    public static void configure(LoggerContext context, Path logDir) {
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        ThresholdFilter errorsOnly = new ThresholdFilter();
        errorsOnly.setLevel(Level.ERROR.levelStr);
        errorsOnly.start();
        stderr.addFilter(errorsOnly);
        stderr.setEncoder(encoder(context, STDERR_PATTERN));
        stderr.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logDir.resolve("signoff.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logDir.resolve("signoff.%d{yyyy-MM-dd}.%i.log").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();

        context.getLogger("org.freedesktop.dbus").setLevel(Level.WARN);
        context.getLogger("okhttp3").setLevel(Level.WARN);
        context.getLogger("io.signoff").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        root.addAppender(file);
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("redactedMsg", RedactingMessageConverter::new);
        layout.getInstanceConverterMap().put("redactedEx", RedactingThrowableConverter::new);
        layout.setPattern(pattern);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }
}
