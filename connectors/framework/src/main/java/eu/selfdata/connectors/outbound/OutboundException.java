package eu.selfdata.connectors.outbound;

import java.io.IOException;

/**
 * A connector's outbound call that failed, with a message fit for a dead letter: the reason
 * (refused address and why, status code, cap, timeout) and where, never a byte of the answer, nor
 * the query string or user info of a URL. The subclasses say whether retrying can help: a refusal or
 * a cap cannot; a timeout, a broken connection or a status may.
 */
public class OutboundException extends IOException {

    public OutboundException(String message) {
        super(message);
    }

    public OutboundException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The destination is not one the city may reach (address, scheme, redirect): permanent. */
    public static class Refused extends OutboundException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The answer is larger than its cap: permanent for the same source. */
    public static class TooLarge extends OutboundException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /** Connect, read or total deadline passed. */
    public static class Timeout extends OutboundException {
        public Timeout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server answered with a status other than success or a redirect followed. */
    public static class Status extends OutboundException {

        private final int status;

        public Status(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
