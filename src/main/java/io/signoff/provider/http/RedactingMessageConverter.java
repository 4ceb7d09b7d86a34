package io.signoff.provider.http;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg}, with anything shaped like a credential masked ({@link Redactor#redactShapes}). The last
 * net under every log line of the process, including lines from code that forgot to redact; registered in
 * logback.xml as {@code %redactedMsg}. Code that holds secrets still redacts with its own {@link Redactor}, which
 * also knows the exact secret values.
 */
public final class RedactingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.redactShapes(super.convert(event));
    }
}
