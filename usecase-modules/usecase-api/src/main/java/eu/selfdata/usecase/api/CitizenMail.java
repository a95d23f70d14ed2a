package eu.selfdata.usecase.api;

/**
 * Mails a citizen of the current city a module's message, in their language (their profile's, else the city's), at
 * the address the identity server holds for them, unless they turned off the notices that are not legally required.
 * Each mail sent goes to their access log. Send after the work it tells of is committed.
 */
public interface CitizenMail {

    /** What happened to one mail. */
    enum Outcome {
        SENT,
        /** The citizen turned optional notices off. */
        TURNED_OFF,
        /** No address is known for them, or no mail server is configured. */
        NO_ADDRESS,
        /** The mail server refused it. */
        NOT_SENT
    }

    /**
     * @param subjectKey a key of the module's message bundle, filled with {@code arguments}
     * @param bodyKey another, filled with the same arguments
     */
    Outcome send(CitizenId citizen, String subjectKey, String bodyKey, Object... arguments);
}
