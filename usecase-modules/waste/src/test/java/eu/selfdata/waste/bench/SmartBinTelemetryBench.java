package eu.selfdata.waste.bench;

import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.ConnectorHost;
import eu.selfdata.connectors.mqtt.BrokerAccounts;
import eu.selfdata.connectors.mqtt.EmbeddedMqttBroker;
import eu.selfdata.connectors.mqtt.MqttClientId;
import eu.selfdata.waste.support.WasteConnectorTest;
import eu.selfdata.waste.telemetry.SmartBinTelemetryTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Smart-bin telemetry sustained: CITIES cities with BINS bins in all reporting every minute, played
 * at SPEEDUP times real time for ROUNDS rounds through the embedded broker, QoS 1. Reports the rate
 * stored and the lag from publication to row (received_at - measured_at). Not a test: run by
 * {@code bench/waste/mqtt-telemetry.sh} ({@code -Dtest=SmartBinTelemetryBench}).
 */
class SmartBinTelemetryBench extends WasteConnectorTest {

    @Autowired
    EmbeddedMqttBroker broker;

    @Autowired
    ConnectorHost host;

    @Autowired
    BrokerAccounts accounts;

    @Test
    void sustainedMessagesPerSecondAndLag() throws Exception {
        int cityCount = Integer.getInteger("bench.cities", 20);
        int bins = Integer.getInteger("bench.bins", 10_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int speedup = Integer.getInteger("bench.speedup", 1);
        List<String> cityList = new ArrayList<>();
        for (int c = 0; c < cityCount; c++) {
            cityList.add(cities.onboard(freshCity("mqtt-bench")));
        }
        await().atMost(Duration.ofMinutes(2))
                .until(() -> cityList.stream()
                        .allMatch(city ->
                                host.running(city, SmartBinTelemetryTemplate.ID).isPresent()));
        Thread.sleep(3_000);

        // One publisher per city: an account publishes only in its own city's tree.
        List<MqttAsyncClient> publishers = new ArrayList<>();
        for (String city : cityList) {
            MqttAsyncClient publisher =
                    new MqttAsyncClient(broker.url(), new MqttClientId(city, "bench").value(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(1_000);
            options.setUserName(city);
            options.setPassword(accounts.password(city).orElseThrow().toCharArray());
            publisher.connect(options).waitForCompletion();
            publishers.add(publisher);
        }
        long roundMillis = 60_000L / speedup;
        Instant start = Instant.now();
        for (int round = 0; round < rounds; round++) {
            long roundStart = System.currentTimeMillis();
            for (int bin = 0; bin < bins; bin++) {
                String city = cityList.get(bin % cityCount);
                MqttAsyncClient publisher = publishers.get(bin % cityCount);
                // spread the round's readings evenly over its minute, as real bins would
                long due = roundStart + roundMillis * bin / bins;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                String payload = "{\"fill\": " + (bin + round) % 101 + ", \"measuredAt\": \"" + Instant.now() + "\"}";
                while (true) {
                    try {
                        publisher.publish(
                                city + "/bins/SB-" + bin + "/fill", payload.getBytes(StandardCharsets.UTF_8), 1, false);
                        break;
                    } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                        Thread.sleep(1); // in-flight window full
                    }
                }
            }
        }
        long expected = (long) bins * rounds;
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> stored(cityList) >= expected);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        for (MqttAsyncClient publisher : publishers) {
            publisher.disconnect().waitForCompletion();
            publisher.close();
        }

        StringBuilder union = new StringBuilder();
        for (String city : cityList) {
            union.append(union.isEmpty() ? "" : " union all ")
                    .append("select extract(epoch from received_at - measured_at) * 1000 as lag_ms from ")
                    .append(table(city, "waste_bin_fill"))
                    .append(" where bin_id like 'SB-%'");
        }
        List<Double> lag = jdbc().sql(
                        "select percentile_cont(array[0.5, 0.95, 0.99]) within group (order by lag_ms) from (" + union
                                + ") l")
                .query((rs, row) -> List.of((Double[]) rs.getArray(1).getArray()))
                .single();
        System.out.printf(
                "BENCH mqtt cities=%d bins=%d rounds=%d speedup=%d offered=%.0f msg/s%n",
                cityCount, bins, rounds, speedup, bins * speedup / 60.0);
        System.out.printf(
                "BENCH mqtt stored %d readings in %.1f s: %.0f msg/s%n", expected, seconds, expected / seconds);
        System.out.printf(
                "BENCH mqtt lag publish->row p50=%.0f ms p95=%.0f ms p99=%.0f ms%n",
                lag.get(0), lag.get(1), lag.get(2));
    }

    private long stored(List<String> cityList) {
        return cityList.stream()
                .mapToLong(city -> jdbc().sql(
                                "select count(*) from " + table(city, "waste_bin_fill") + " where bin_id like 'SB-%'")
                        .query(Long.class)
                        .single())
                .sum();
    }
}
