package eu.selfdata.tenant.citizen;

/**
 * A citizen's account was opened in a city while their e-mail address is not verified yet: someone should ask the
 * identity server for the verification mail. Published inside the opening's transaction.
 *
 * @param city    the city's slug
 * @param subject the identity server's id of the person
 */
public record CitizenAccountOpened(String city, String subject) {}
