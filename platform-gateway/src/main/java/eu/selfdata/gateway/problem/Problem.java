package eu.selfdata.gateway.problem;

import java.net.URI;

/** The RFC 9457 body, with the members every gateway problem carries. */
record Problem(URI type, String title, int status, String detail, String instance) {

    static Problem of(ProblemType type, int status, String detail, String instance) {
        return new Problem(type.uri(), type.title(), status, detail, instance);
    }
}
