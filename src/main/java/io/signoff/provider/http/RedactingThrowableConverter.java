package io.signoff.provider.http;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Logback's {@code %ex} with credential-shaped text masked in every message of the cause chain; {@code %redactedEx}. */
public final class RedactingThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Redactor.redactShapes(super.throwableProxyToString(proxy));
    }
}
