package eu.selfdata.usecase.api;

/**
 * The citizen making the current request in the current city. Their account is created on their
 * first authenticated request; a request without a citizen token is refused before reaching a module.
 */
public interface CurrentCitizen {

    /** @throws IllegalStateException when the request is not a citizen's (checked by the core first) */
    CitizenId require();

    /**
     * The citizen, for what counts them as a person (rule 11: linking a household's bin, joining a panel):
     * only once their e-mail address is verified.
     *
     * @throws org.springframework.web.ErrorResponseException 403 {@code email-not-verified} otherwise
     */
    CitizenId requireVerified();
}
