package eu.selfdata.tenant.backup;

import java.util.Map;

/**
 * What a move did: the city now on {@code to} ({@code DONE}), or still on its way ({@code SWITCHED}: the
 * registry points at the target, the source schema is dropped when the move is asked again or at the
 * next start). {@code tables} counts the rows copied per table.
 */
record MoveReport(String city, String from, String to, String state, Map<String, Long> tables) {}
