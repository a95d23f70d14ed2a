package eu.selfdata.usecase.api;

/**
 * The citizen making the current request in the current city. Their account is created on their
 * first authenticated request; a request without a citizen token is refused before reaching a module.
 */
public interface CurrentCitizen {

    /** @throws IllegalStateException when the request is not a citizen's (checked by the core first) */
    CitizenId require();
}
