package eu.selfdata.usecase.api;

/** Read side of the consent ledger for modules; every answer reflects the latest change. */
public interface Consents {

    /** Whether the citizen's latest decision on the purpose, in the current city, is a valid {@link ConsentState#GIVEN}. */
    boolean isGiven(CitizenId citizen, String purposeId);
}
