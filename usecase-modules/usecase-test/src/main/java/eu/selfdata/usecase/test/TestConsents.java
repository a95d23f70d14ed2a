package eu.selfdata.usecase.test;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.Consents;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Consents as a test gives them, per citizen and purpose (citizen ids are random: no two cities share one). */
public class TestConsents implements Consents {

    private final Set<String> given = ConcurrentHashMap.newKeySet();

    public void give(CitizenId citizen, String purposeId) {
        given.add(key(citizen, purposeId));
    }

    public void withdraw(CitizenId citizen, String purposeId) {
        given.remove(key(citizen, purposeId));
    }

    @Override
    public boolean isGiven(CitizenId citizen, String purposeId) {
        return given.contains(key(citizen, purposeId));
    }

    private static String key(CitizenId citizen, String purposeId) {
        return citizen + "/" + purposeId;
    }
}
