package eu.selfdata.governance.tenantservice;

import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;

/** tenant-service did not do what governance asked (unreachable, or refused). */
public class TenantServiceUnavailableException extends GovernanceException {

    TenantServiceUnavailableException(String detail, Throwable cause) {
        super(ProblemType.TENANT_SERVICE_UNAVAILABLE, detail);
        initCause(cause);
    }
}
