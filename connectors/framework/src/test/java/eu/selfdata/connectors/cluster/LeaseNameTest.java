package eu.selfdata.connectors.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.testsupport.TestSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LeaseNameTest {

    private static final String KUBERNETES_NAME = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SEPARATORS = "-_./: \t\n";

    @ParameterizedTest
    @ExtendWith(TestSeed.class)
    @MethodSource("groups")
    void everyGroupGivesAValidKubernetesName(String group) {
        String name = LeaseName.of("selfdata", group).value();

        assertThat(name).hasSizeLessThanOrEqualTo(63).matches(KUBERNETES_NAME);
    }

    @ParameterizedTest
    @ExtendWith(TestSeed.class)
    @MethodSource("groupSets")
    void distinctGroupsNeverShareALease(Set<String> groups) {
        Set<String> names = groups.stream()
                .map(group -> LeaseName.of("selfdata", group).value())
                .collect(Collectors.toSet());

        assertThat(names).hasSameSizeAs(groups);
    }

    @Test
    void aPlainGroupStaysReadableAndGroupsThatReadAlikeStayApart() {
        assertThat(LeaseName.of("selfdata", "connectors-3").value()).startsWith("selfdata-connectors-3-");
        assertThat(LeaseName.of("selfdata", "Lyon_Sud").value())
                .startsWith("selfdata-lyon-sud-")
                .isNotEqualTo(LeaseName.of("selfdata", "lyon-sud").value());
        assertThat(LeaseName.of("other-release", "connectors-3"))
                .isNotEqualTo(LeaseName.of("selfdata", "connectors-3"));
    }

    @Test
    void hostileGroupsNeverReachTheNameRaw() {
        for (String group : new String[] {"../../kube-system", "a\nb", "-", "", "É".repeat(100), "x".repeat(500)}) {
            assertThat(LeaseName.of("selfdata", group).value())
                    .as(group)
                    .hasSizeLessThanOrEqualTo(63)
                    .matches(KUBERNETES_NAME)
                    .doesNotContain("/", "\n", ".");
        }
    }

    /** Edge groups, then 1000 random ones from this run's seed: any characters, any length up to 300. */
    static Stream<String> groups() {
        SplittableRandom random = TestSeed.random();
        Stream<String> edges = Stream.of("", " ", "-", "a", "A", "\u0000", "é", "x".repeat(300), "-".repeat(300));
        return Stream.concat(edges, IntStream.range(0, 1000).mapToObj(i -> text(random, 300)));
    }

    /** 200 sets of 2 to 50 distinct groups, half of them near-alike (one character apart, case, punctuation). */
    static Stream<Set<String>> groupSets() {
        SplittableRandom random = TestSeed.random();
        return IntStream.range(0, 200).mapToObj(i -> {
            List<String> groups = new ArrayList<>(List.of(text(random, 80)));
            int size = random.nextInt(2, 51);
            // Near-alike groups derive from one already drawn, so they keep coming even from a short base.
            for (int tries = 0; groups.size() < size && tries < 50 * size; tries++) {
                String group = i % 2 == 0 ? text(random, 80) : alike(random, groups.get(random.nextInt(groups.size())));
                if (!groups.contains(group)) {
                    groups.add(group);
                }
            }
            return Set.copyOf(groups);
        });
    }

    private static String alike(SplittableRandom random, String base) {
        List<String> variants = List.of(
                base.toUpperCase(),
                base + "-",
                base + "_",
                "-" + base,
                base + random.nextInt(10),
                base.replace('-', '_'));
        String variant = variants.get(random.nextInt(variants.size()));
        return variant.length() > 80 ? variant.substring(0, 80) : variant;
    }

    /** Any code points (letters, digits, separators, controls, other scripts), up to {@code max} chars. */
    private static String text(SplittableRandom random, int max) {
        int length = random.nextInt(max + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int kind = random.nextInt(4);
            int codePoint = switch (kind) {
                case 0 -> "abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36));
                case 1 -> SEPARATORS.charAt(random.nextInt(SEPARATORS.length()));
                case 2 -> random.nextInt(0x20, 0x250);
                default -> random.nextInt(0x20, 0x1F600);
            };
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.length() > max ? text.substring(0, max) : text.toString();
    }
}
