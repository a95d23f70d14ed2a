package eu.selfdata.waste.support;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.Consents;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Consents given in a test, per citizen and purpose. */
public class TestConsents implements Consents {

    private final Set<String> given = ConcurrentHashMap.newKeySet();

    public void give(CitizenId citizen, String purpose) {
        given.add(citizen + "/" + purpose);
    }

    public void withdraw(CitizenId citizen, String purpose) {
        given.remove(citizen + "/" + purpose);
    }

    @Override
    public boolean isGiven(CitizenId citizen, String purposeId) {
        return given.contains(citizen + "/" + purposeId);
    }
}
