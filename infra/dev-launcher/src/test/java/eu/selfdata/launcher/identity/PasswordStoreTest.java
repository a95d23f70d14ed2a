package eu.selfdata.launcher.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordStoreTest {

    @TempDir
    Path dir;

    @Test
    void aStoredPasswordIsThereOnTheNextRunInAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("demo-passwords.properties");
        PasswordStore.open(file).put("camille.lyon@demo.selfdata.eu", "s3cretPassw0rd");

        PasswordStore nextRun = PasswordStore.open(file);

        assertThat(nextRun.get("camille.lyon@demo.selfdata.eu")).hasValue("s3cretPassw0rd");
        assertThat(nextRun.get("admin.lyon@demo.selfdata.eu")).isEmpty();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void generatedPasswordsMeetTheRealmPolicyAndDiffer() {
        String one = PasswordStore.generate();

        assertThat(one).hasSize(16).matches("[A-Za-z2-9]+").doesNotContain("@");
        assertThat(PasswordStore.generate()).isNotEqualTo(one);
    }
}
