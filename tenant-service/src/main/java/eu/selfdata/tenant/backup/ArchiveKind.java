package eu.selfdata.tenant.backup;

/** Why an archive was written; each kind has its own retention. */
public enum ArchiveKind {
    /** Asked for by the coordinator; the city goes on. */
    BACKUP,
    /** Written when the city left the platform, before its schema was dropped. */
    OFFBOARDING
}
