package eu.selfdata.mobility.transit;

/** A GTFS feed that cannot replace the active one: a corrupt zip, a missing required file, a bad row. */
public class InvalidFeedException extends RuntimeException {

    public InvalidFeedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public InvalidFeedException(String reason) {
        super(reason);
    }
}
