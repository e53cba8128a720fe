package nl.doorstroom.documents;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's messages to the application's log under their own names
 * ({@code com.openhtmltopdf.load}, ...), so {@code logging.level.com.openhtmltopdf} governs them;
 * by default openhtmltopdf writes every render's progress to the console.
 */
final class PdfRendererLog implements XRLogger {

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        var logger = LoggerFactory.getLogger(where);
        var severity = level.intValue();
        if (severity >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        }
        else if (severity >= Level.WARNING.intValue()) {
            logger.warn(message, error);
        }
        else if (severity >= Level.INFO.intValue()) {
            logger.info(message, error);
        }
        else if (severity >= Level.FINE.intValue()) {
            logger.debug(message, error);
        }
        else {
            logger.trace(message, error);
        }
    }

    /** Levels are the application's logging configuration, not openhtmltopdf's. */
    @Override
    public void setLevel(String logger, Level level) {
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return enabled(LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere()), diagnostic.getLevel());
    }

    private static boolean enabled(Logger logger, Level level) {
        var severity = level.intValue();
        if (severity >= Level.SEVERE.intValue()) {
            return logger.isErrorEnabled();
        }
        if (severity >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        }
        if (severity >= Level.INFO.intValue()) {
            return logger.isInfoEnabled();
        }
        return severity >= Level.FINE.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
