package eu.selfdata.tenant.identity;

/** Returned once to the coordinator; the password must be changed at first login. */
public record AdminCredentials(String username, String temporaryPassword, String loginUrl) {}
