package eu.selfdata.tenant.onboarding;

import java.util.Set;

public class UnknownModuleException extends RuntimeException {
    public UnknownModuleException(Set<String> unknown, Set<String> known) {
        super("Unknown modules " + unknown + "; this platform offers " + (known.isEmpty() ? "none yet" : known));
    }
}
