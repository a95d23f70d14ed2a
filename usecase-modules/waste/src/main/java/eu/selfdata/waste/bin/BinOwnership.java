package eu.selfdata.waste.bin;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.waste.WasteProblems;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a household bin belongs to. A citizen's link is proven by the bin's activation code from the operator's
 * file, or by the city admin; until then it is pending and neither imports nor shows weighings. A bin another
 * account holds is a dispute: the claim is recorded for the city admin, who keeps the holder or transfers the
 * bin (the weighings the earlier holder received for it are then erased: they were the household's). A right code
 * takes a bin from a merely pending link (which never received anything). Five wrong codes lock a bin's code for
 * an hour.
 */
public class BinOwnership {

    static final int MAX_FAILED_ATTEMPTS = 5;

    private final CityDatabase city;

    public BinOwnership(CityDatabase city) {
        this.city = city;
    }

    /** Whether a claim linked the bin (proven or waiting for the city admin). */
    public enum Outcome {
        PROVEN,
        PENDING
    }

    /**
     * The citizen claims a bin, with the code the operator gave the household or without (then the city admin
     * validates it).
     *
     * @throws org.springframework.web.ErrorResponseException 422 {@code wrong-activation-code}, 429
     *         {@code activation-locked}, 409 {@code bin-disputed} (the claim recorded for the city admin)
     */
    public Outcome claim(CitizenId citizen, String binId, int householdSize, Optional<ActivationCode> code) {
        boolean proven = code.isPresent() && checkCode(binId, code.get());
        Optional<UUID> dispute = city.transactions().execute(status -> {
            Optional<Holder> holder = city.jdbc()
                    .sql("select citizen_id, proof from waste_bin_link where bin_id = ? for update")
                    .param(binId)
                    .query((rs, row) -> new Holder(rs.getObject(1, UUID.class), rs.getString(2)))
                    .optional();
            if (holder.isPresent() && !holder.get().citizen().equals(citizen.value())) {
                if (!proven || holder.get().proof() != null) {
                    UUID id = UUID.randomUUID();
                    city.jdbc()
                            .sql("""
                                    insert into waste_bin_dispute (id, bin_id, citizen_id, household_size) values (?, ?, ?, ?)
                                    on conflict (bin_id, citizen_id) do update set household_size = excluded.household_size""")
                            .params(id, binId, citizen.value(), householdSize)
                            .update();
                    return Optional.of(city.jdbc()
                            .sql("select id from waste_bin_dispute where bin_id = ? and citizen_id = ?")
                            .params(binId, citizen.value())
                            .query(UUID.class)
                            .single());
                }
                city.jdbc()
                        .sql("delete from waste_bin_link where bin_id = ?")
                        .param(binId)
                        .update();
            }
            city.jdbc()
                    .sql("""
                            insert into waste_bin_link (bin_id, citizen_id, household_size, proof, proven_at)
                            values (:bin, :citizen, :household, cast(:proof as varchar), case when cast(:proof as varchar) is null then null else now() end)
                            on conflict (bin_id) do update set household_size = excluded.household_size, import_active = true,
                                proof = coalesce(waste_bin_link.proof, excluded.proof), proven_at = coalesce(waste_bin_link.proven_at, excluded.proven_at)""")
                    .param("bin", binId)
                    .param("citizen", citizen.value())
                    .param("household", householdSize)
                    .param("proof", proven ? "CODE" : null)
                    .update();
            city.jdbc()
                    .sql("delete from waste_bin_dispute where bin_id = ? and citizen_id = ?")
                    .params(binId, citizen.value())
                    .update();
            return Optional.<UUID>empty();
        });
        if (dispute.isPresent()) {
            throw WasteProblems.BIN_DISPUTED.exception(
                    "Another account holds bin " + binId + ". Your claim is recorded under reference " + dispute.get()
                            + ": the city's administration checks who the bin belongs to (bring proof of address and this reference)"
                            + " and transfers it to you if it is yours.");
        }
        return city.jdbc()
                        .sql("select proof is not null from waste_bin_link where bin_id = ?")
                        .param(binId)
                        .query(Boolean.class)
                        .single()
                ? Outcome.PROVEN
                : Outcome.PENDING;
    }

    /** A link waiting for the city admin, without the citizen behind it. */
    public record PendingLink(String binId, int householdSize, Instant linkedAt) {}

    /** @param holderProven whether the account holding the bin proved it (code or city admin) */
    public record Dispute(UUID reference, String binId, int householdSize, Instant claimedAt, boolean holderProven) {}

    public List<PendingLink> pending() {
        return city.jdbc()
                .sql(
                        "select bin_id, household_size, linked_at from waste_bin_link where proof is null order by linked_at, bin_id")
                .query((rs, row) -> new PendingLink(
                        rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    public List<Dispute> disputes() {
        return city.jdbc()
                .sql("""
                        select d.id, d.bin_id, d.household_size, d.claimed_at, l.proof is not null
                          from waste_bin_dispute d left join waste_bin_link l on l.bin_id = d.bin_id order by d.claimed_at, d.id""")
                .query((rs, row) -> new Dispute(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)))
                .list();
    }

    /** The city admin validates a pending link. @return false when the bin has no pending link */
    public boolean validate(String binId) {
        return city.jdbc()
                        .sql(
                                "update waste_bin_link set proof = 'CITY_ADMIN', proven_at = now() where bin_id = ? and proof is null")
                        .param(binId)
                        .update()
                == 1;
    }

    /**
     * The city admin resolves a dispute: {@code transfer} gives the bin to the claimant (proven by the city admin)
     * and erases the weighings the earlier holder received for it; otherwise the claim is dismissed.
     *
     * @return false when there is no such dispute in this city
     */
    public boolean resolve(UUID dispute, boolean transfer) {
        return Boolean.TRUE.equals(city.transactions().execute(status -> {
            Optional<Claim> claim = city.jdbc()
                    .sql("delete from waste_bin_dispute where id = ? returning bin_id, citizen_id, household_size")
                    .param(dispute)
                    .query((rs, row) -> new Claim(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3)))
                    .optional();
            if (claim.isEmpty()) {
                return false;
            }
            if (transfer) {
                String bin = claim.get().binId();
                city.jdbc()
                        .sql(
                                "delete from waste_weighing w using waste_bin_link l where l.bin_id = ? and w.bin_id = l.bin_id and w.citizen_id = l.citizen_id")
                        .param(bin)
                        .update();
                city.jdbc()
                        .sql("delete from waste_bin_link where bin_id = ?")
                        .param(bin)
                        .update();
                city.jdbc()
                        .sql("""
                                insert into waste_bin_link (bin_id, citizen_id, household_size, proof, proven_at)
                                values (?, ?, ?, 'CITY_ADMIN', now())""")
                        .params(bin, claim.get().citizen(), claim.get().householdSize())
                        .update();
            }
            return true;
        }));
    }

    /** Checks a typed code in its own transaction, so that a wrong one counts even though the claim is refused. */
    private boolean checkCode(String binId, ActivationCode code) {
        CodeCheck check = city.transactions().execute(status -> {
            Optional<Activation> activation = city.jdbc()
                    .sql("""
                            select code_hash, locked_until > now() from waste_bin_activation where bin_id = ? for update""")
                    .param(binId)
                    .query((rs, row) -> new Activation(rs.getString(1), rs.getBoolean(2)))
                    .optional();
            if (activation.isPresent() && activation.get().locked()) {
                return CodeCheck.LOCKED;
            }
            if (activation.isPresent() && activation.get().codeHash().equals(code.hashFor(binId))) {
                city.jdbc()
                        .sql("update waste_bin_activation set failed_attempts = 0 where bin_id = ?")
                        .param(binId)
                        .update();
                return CodeCheck.MATCHES;
            }
            city.jdbc()
                    .sql("""
                            update waste_bin_activation set failed_attempts = (failed_attempts + 1) % :max,
                                   locked_until = case when failed_attempts + 1 >= :max then now() + interval '1 hour' else locked_until end
                             where bin_id = :bin""")
                    .param("max", MAX_FAILED_ATTEMPTS)
                    .param("bin", binId)
                    .update();
            return CodeCheck.WRONG;
        });
        if (check == CodeCheck.MATCHES) {
            return true;
        }
        if (check == CodeCheck.LOCKED) {
            throw WasteProblems.ACTIVATION_LOCKED.exception("Too many wrong codes were typed for bin " + binId
                    + ": try again in an hour, or ask the city to validate your link");
        }
        throw WasteProblems.WRONG_ACTIVATION_CODE.exception("This is not the activation code of bin " + binId
                + " (the operator's letter gives it), or the operator has not sent one"
                + " for it yet: leave the code out and the city's administration validates your link");
    }

    private enum CodeCheck {
        MATCHES,
        WRONG,
        LOCKED
    }

    private record Holder(UUID citizen, String proof) {}

    private record Activation(String codeHash, boolean locked) {}

    private record Claim(String binId, UUID citizen, int householdSize) {}
}
