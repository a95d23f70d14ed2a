package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import java.util.Set;

/** A city asked for modules this platform does not have: 400 {@code unknown-module}. */
public class UnknownModuleException extends ProblemException {
    public UnknownModuleException(Set<String> unknown, Set<String> known) {
        super(
                ProblemType.UNKNOWN_MODULE,
                "Unknown modules " + unknown + "; this platform offers " + (known.isEmpty() ? "none yet" : known));
    }
}
