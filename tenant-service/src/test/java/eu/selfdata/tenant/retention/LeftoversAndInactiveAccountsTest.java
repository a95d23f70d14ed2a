package eu.selfdata.tenant.retention;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.folders.DropFolder;
import eu.selfdata.connectors.settings.RelativePath;
import eu.selfdata.mailbox.Mail;
import eu.selfdata.mailbox.Mailbox;
import eu.selfdata.tenant.support.SelfDataTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the connectors leave (dead letters after 30 days, operators' files once imported) and accounts unused for
 * three years (warned, then erased unless the citizen came back), with a moved clock.
 */
class LeftoversAndInactiveAccountsTest extends SelfDataTest {

    @Autowired
    RetentionJob job;

    @Autowired
    CityFolders folders;

    @Test
    void deadLettersGoAfterThirtyDaysAndImportedFilesAtTheNextPurge() throws IOException {
        String city = onboard(freshSlug("larochelle"), "La Rochelle", List.of("mobility-carbon"));
        database()
                .sql(
                        "insert into " + schema(city)
                                + ".connector_dead_letter (template, source, source_key, reason) values ('trace-drop', 'a.gpx', 'k1', 'bad')")
                .update();
        DropFolder drop = folders.dropFolder(city, RelativePath.parse("traces"));
        Path imported = Files.writeString(drop.done().resolve("20260301-a.gpx"), "<gpx/>");
        Path waiting = Files.writeString(drop.inbox().resolve("b.gpx"), "<gpx/>");
        Path failed = Files.writeString(drop.failed().resolve("c.gpx"), "<gpx/>");

        Map<String, Long> first = job.purgeCity(city, daysLater(29));

        assertThat(first).containsEntry("imported-files", 1L).containsEntry("connector-dead-letters", 0L);
        assertThat(imported).doesNotExist();
        assertThat(waiting).exists();
        assertThat(failed).as("a failed file stays replayable").exists();
        assertThat(deadLetters(city)).isEqualTo(1);

        assertThat(job.purgeCity(city, daysLater(31))).containsEntry("connector-dead-letters", 1L);
        assertThat(deadLetters(city)).isZero();
        assertThat(database()
                        .sql("select count(*) from " + schema(city) + ".retention_purge")
                        .query(Long.class)
                        .single())
                .as("each purge that removed something is counted")
                .isEqualTo(2);
    }

    @Test
    void anAccountUnusedForThreeYearsIsWarnedThenErasedUnlessItsOwnerCameBack() {
        Mailbox mailbox = identities.mailbox();
        String city = cityWithObservations("dormant", "Dormantville");
        String gone = person("gone");
        String back = person("back");
        citizenId(identities.citizenToken(city, gone), city);
        String backId = citizenId(identities.citizenToken(city, back), city);
        int threeYears = 3 * 365;

        job.purgeCity(city, daysLater(threeYears + 1));

        Mail warning = mailbox.await(address(gone, city), any -> true, Duration.ofSeconds(10));
        assertThat(warning.subject()).startsWith("Dormantville : votre compte sera effacé le ");
        assertThat(warning.link("/")).as("the way back: sign in").isPresent();
        assertThat(citizens(city)).isEqualTo(2);
        // the second citizen signs in after the warning
        database()
                .sql("update " + schema(city)
                        + ".citizen set last_seen_at = inactivity_warned_at + interval '1 day' where id = ?::uuid")
                .param(backId)
                .update();

        job.purgeCity(city, daysLater(threeYears + 10));
        assertThat(citizens(city)).as("not before the grace period").isEqualTo(2);
        job.purgeCity(city, daysLater(threeYears + 32));

        assertThat(citizens(city)).isEqualTo(1);
        assertThat(database()
                        .sql("select count(*) from " + schema(city) + ".citizen where id = ?::uuid")
                        .param(backId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the last mail says why: the citizen did not ask for this erasure
        Mail erased =
                mailbox.await(address(gone, city), mail -> mail.number() > warning.number(), Duration.ofSeconds(10));
        assertThat(erased.subject()).isEqualTo("Dormantville : votre compte inutilisé est effacé");
        assertThat(erased.text()).doesNotContain("Comme vous l'avez demandé");
    }

    private long deadLetters(String city) {
        return database()
                .sql("select count(*) from " + schema(city) + ".connector_dead_letter")
                .query(Long.class)
                .single();
    }

    private long citizens(String city) {
        return database()
                .sql("select count(*) from " + schema(city) + ".citizen")
                .query(Long.class)
                .single();
    }

    private static String address(String name, String city) {
        return name + "@" + city + ".tests.selfdata.eu";
    }

    private static Clock daysLater(int days) {
        return Clock.offset(Clock.systemUTC(), Duration.ofDays(days));
    }
}
