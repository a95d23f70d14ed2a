package eu.selfdata.usecase.api;

/**
 * Published (as a Spring application event, after the change is committed) whenever a citizen
 * gives, refuses or withdraws a consent; e.g. the waste module stops importing on withdrawal.
 */
public record ConsentChanged(String city, CitizenId citizen, String purposeId, ConsentState state) {}
