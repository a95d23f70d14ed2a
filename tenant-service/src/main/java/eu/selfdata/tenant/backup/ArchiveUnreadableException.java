package eu.selfdata.tenant.backup;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;

/** The archive is not one this platform can open: another key, altered, truncated or another format. */
class ArchiveUnreadableException extends ProblemException {

    ArchiveUnreadableException(String detail) {
        super(ProblemType.ARCHIVE_UNREADABLE, detail);
    }
}
