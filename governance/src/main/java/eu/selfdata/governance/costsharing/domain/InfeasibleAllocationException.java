package eu.selfdata.governance.costsharing.domain;

import eu.selfdata.governance.problem.GovernanceException;
import eu.selfdata.governance.problem.ProblemType;

/** The floors add up to more than the amount, or the caps to less: no allocation meets them all. */
public class InfeasibleAllocationException extends GovernanceException {

    public InfeasibleAllocationException(String detail) {
        super(ProblemType.INFEASIBLE_ALLOCATION, detail);
    }
}
