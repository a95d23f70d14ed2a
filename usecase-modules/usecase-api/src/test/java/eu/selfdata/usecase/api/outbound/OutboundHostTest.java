package eu.selfdata.usecase.api.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundHostTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "sftp.operator.example         | sftp.operator.example          | -",
                "SFTP.Operator.Example.:2222   | sftp.operator.example          | 2222",
                "10.8.0.5                      | 10.8.0.5                       | -",
                "10.8.0.5:22                   | 10.8.0.5                       | 22",
                "fd00::5                       | fd00:0:0:0:0:0:0:5             | -",
                "[fd00::5]:22                  | fd00:0:0:0:0:0:0:5             | 22",
                "[FD00::5]                     | fd00:0:0:0:0:0:0:5             | -",
                "::ffff:10.0.0.1               | 10.0.0.1                       | -",
                "localhost                     | localhost                      | -"
            })
    void aHostIsParsedToItsCanonicalForm(String text, String host, Integer port) {
        OutboundHost parsed = OutboundHost.parse(text);

        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(OutboundHost.parse(parsed.toString())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "host:",
                "host:0",
                "host:65536",
                "host:22x",
                "http://host",
                "host/path",
                "user@host",
                "[fd00::5",
                "[host]:22",
                "a_b.example",
                "300.1.1.1",
                "01.1.1.1",
                "1.1.1",
                "fe80::1%1",
                "*.example",
                "{{secret}}"
            })
    void anythingElseIsRefusedNamingTheValue(String text) {
        assertThatThrownBy(() -> OutboundHost.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text.strip());
    }
}
