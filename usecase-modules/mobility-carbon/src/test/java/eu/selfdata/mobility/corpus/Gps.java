package eu.selfdata.mobility.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A phone's location fixes of a {@link Day}, as phones give them:
 * <ul>
 * <li>one fix every {@code intervalS} (± 5 %), none underground;</li>
 * <li>a horizontal error of {@code errorM} (root mean square, i.e. σ = errorM / √2 per axis),
 * independent from fix to fix ({@link Noise#WHITE}) or a first-order Gauss–Markov process with time
 * constant {@code tauS} ({@link Noise#DRIFT}: the slowly wandering error of real receivers);</li>
 * <li>indoors at a stay, positions from Wi-Fi instead: an offset of 7–21 m (per case) that holds
 * while the phone sees the same access points and changes every few minutes, plus 3 m of jitter;
 * back outdoors the offset is gone at once;</li>
 * <li>a reported accuracy: the 68 % radius of that error (1.51 σ for a circular Gaussian), give or
 * take 20 %;</li>
 * <li>multipath jumps: {@code jumpsPerHour} events of 50–200 m in one direction, one fix or a burst
 * of 2–8 s, half of them reported as accurate as usual;</li>
 * <li>optionally, the Doppler speed (± 0.2 m/s) and activity recognition (right most of the time,
 * 10–30 s late, sometimes wrong with low confidence);</li>
 * <li>optionally, a phone that sleeps when still: no fix after 2 minutes without moving, until it
 * has moved 50 m again (as iOS and Android's batching do).</li>
 * </ul>
 */
final class Gps {

    enum Noise {
        WHITE,
        DRIFT
    }

    /** A receiver's settings for one case. */
    record Receiver(
            double intervalS,
            Noise noise,
            double errorM,
            double tauS,
            double jumpsPerHour,
            boolean speed,
            boolean activity,
            boolean sleepsWhenStill) {

        static Receiver of(double intervalS, Noise noise, double errorM) {
            return new Receiver(intervalS, noise, errorM, 60, 0, false, false, false);
        }

        Receiver tau(double seconds) {
            return new Receiver(intervalS, noise, errorM, seconds, jumpsPerHour, speed, activity, sleepsWhenStill);
        }

        Receiver jumps(double perHour) {
            return new Receiver(intervalS, noise, errorM, tauS, perHour, speed, activity, sleepsWhenStill);
        }

        Receiver withSpeed() {
            return new Receiver(intervalS, noise, errorM, tauS, jumpsPerHour, true, activity, sleepsWhenStill);
        }

        Receiver withActivity() {
            return new Receiver(intervalS, noise, errorM, tauS, jumpsPerHour, speed, true, sleepsWhenStill);
        }

        Receiver sleeping() {
            return new Receiver(intervalS, noise, errorM, tauS, jumpsPerHour, speed, activity, true);
        }

        String describe() {
            return "%s s, %s %.0f m%s%s%s"
                    .formatted(
                            intervalS == Math.rint(intervalS)
                                    ? String.valueOf((int) intervalS)
                                    : String.valueOf(intervalS),
                            noise == Noise.WHITE ? "white" : "drift (τ " + (int) tauS + " s)",
                            errorM,
                            jumpsPerHour > 0 ? ", " + (int) jumpsPerHour + " jumps/h" : "",
                            activity ? ", activity" : "",
                            sleepsWhenStill ? ", sleeps when still" : "");
        }
    }

    /** One fix; accuracy and speed NaN when not given, activity null. */
    record Fix(
            long epochMilli,
            double lat,
            double lon,
            double accuracyM,
            double speedMps,
            String activity,
            int confidence) {}

    private static final double INDOOR_JITTER_M = 3;
    private static final String[] ACTIVITY_NAMES = {"still", "walking", "cycling", "in_vehicle"};

    private Gps() {}

    static List<Fix> record(Day day, Receiver receiver, Random random) {
        List<Day.Episode> episodes = day.episodes();
        List<Fix> fixes = new ArrayList<>();
        double end = day.clockS();
        double sigma = receiver.errorM() / Math.sqrt(2);
        double errorX = random.nextGaussian() * sigma;
        double errorY = random.nextGaussian() * sigma;
        double indoorSigma = 5 + random.nextDouble() * 10;
        double indoorX = random.nextGaussian() * indoorSigma;
        double indoorY = random.nextGaussian() * indoorSigma;
        double nextScan = 0;
        double jumpUntil = -1;
        double jumpX = 0;
        double jumpY = 0;
        boolean jumpReportedAccurate = true;
        double nextJump =
                receiver.jumpsPerHour() > 0 ? exponential(random, 3600 / receiver.jumpsPerHour()) : Double.MAX_VALUE;
        double accuracyFactor = Math.exp(0.2 * random.nextGaussian());
        int current = 0;
        double stillSince = 0;
        double[] sleptAt = null;
        double previousT = 0;
        for (double t = receiver.intervalS() * random.nextDouble();
                t < end;
                t += receiver.intervalS() * (0.95 + 0.1 * random.nextDouble())) {
            while (current < episodes.size() - 1 && episodes.get(current).endS() <= t) {
                current++;
            }
            Day.Episode episode = episodes.get(current);
            double[] truth = position(episode, t);
            double speed = speed(episode, t);
            if (speed > 0.2) {
                stillSince = t;
            }
            if (receiver.sleepsWhenStill()) {
                if (sleptAt == null && t - stillSince > 120) {
                    sleptAt = truth;
                }
                if (sleptAt != null) {
                    if (Math.hypot(truth[0] - sleptAt[0], truth[1] - sleptAt[1]) < 50) {
                        continue;
                    }
                    sleptAt = null;
                }
            }
            if (truth[2] > 0) {
                continue; // underground
            }
            double dt = t - previousT;
            previousT = t;
            boolean indoors = episode instanceof Day.Staying staying && staying.indoors();
            if (receiver.noise() == Noise.WHITE) {
                errorX = random.nextGaussian() * sigma;
                errorY = random.nextGaussian() * sigma;
            } else {
                double keep = Math.exp(-dt / receiver.tauS());
                double fresh = Math.sqrt(1 - keep * keep) * sigma;
                errorX = keep * errorX + fresh * random.nextGaussian();
                errorY = keep * errorY + fresh * random.nextGaussian();
            }
            if (t >= nextScan) {
                // Another set of access points: the Wi-Fi position moves to a new offset.
                indoorX = 0.6 * indoorX + 0.8 * indoorSigma * random.nextGaussian();
                indoorY = 0.6 * indoorY + 0.8 * indoorSigma * random.nextGaussian();
                nextScan = t + exponential(random, 240);
            }
            if (t >= nextJump) {
                double size = 50 + random.nextDouble() * 150;
                double direction = random.nextDouble() * 2 * Math.PI;
                jumpX = size * Math.sin(direction);
                jumpY = size * Math.cos(direction);
                jumpUntil = random.nextDouble() < 0.6 ? t : t + 2 + random.nextDouble() * 6;
                jumpReportedAccurate = random.nextBoolean();
                nextJump = t + exponential(random, 3600 / receiver.jumpsPerHour());
            }
            boolean jumping = t <= jumpUntil;
            double effectiveSigma = indoors ? Math.hypot(indoorSigma, INDOOR_JITTER_M) : sigma;
            double accuracy = 1.51 * effectiveSigma * accuracyFactor * Math.exp(0.15 * random.nextGaussian());
            if (jumping && !jumpReportedAccurate) {
                accuracy *= 2 + random.nextDouble() * 2;
            }
            double offX = indoors ? indoorX + INDOOR_JITTER_M * random.nextGaussian() : errorX;
            double offY = indoors ? indoorY + INDOOR_JITTER_M * random.nextGaussian() : errorY;
            double x = truth[0] + offX + (jumping ? jumpX : 0);
            double y = truth[1] + offY + (jumping ? jumpY : 0);
            double doppler = receiver.speed() ? Math.abs(speed + 0.2 * random.nextGaussian()) : Double.NaN;
            String activity = null;
            int confidence = 0;
            if (receiver.activity()) {
                double lag = 10 + random.nextDouble() * 20;
                Activity seen = activity(episodes, Math.max(0, t - lag));
                int truthIndex = seen.ordinal();
                double draw = random.nextDouble();
                if (draw < 0.05) {
                    activity = "unknown";
                    confidence = 20 + random.nextInt(30);
                } else if (draw < 0.15) {
                    activity = ACTIVITY_NAMES[(truthIndex + 1 + random.nextInt(3)) % 4];
                    confidence = 25 + random.nextInt(35);
                } else {
                    activity = ACTIVITY_NAMES[truthIndex];
                    confidence = 55 + random.nextInt(46);
                }
            }
            fixes.add(new Fix(
                    day.at(t).toEpochMilli(),
                    Day.lat(y),
                    Day.lon(x),
                    Math.round(accuracy * 10) / 10.0,
                    Double.isNaN(doppler) ? Double.NaN : Math.round(doppler * 100) / 100.0,
                    activity,
                    confidence));
        }
        return fixes;
    }

    private enum Activity {
        STILL,
        WALKING,
        CYCLING,
        IN_VEHICLE
    }

    private static Activity activity(List<Day.Episode> episodes, double t) {
        for (Day.Episode episode : episodes) {
            if (episode.startS() <= t && t < episode.endS()) {
                if (episode instanceof Day.Moving moving) {
                    return switch (moving.mode()) {
                        case WALK -> Activity.WALKING;
                        case BIKE, EBIKE -> Activity.CYCLING;
                        default -> Activity.IN_VEHICLE;
                    };
                }
                return Activity.STILL;
            }
        }
        return Activity.STILL;
    }

    private static double[] position(Day.Episode episode, double t) {
        return switch (episode) {
            case Day.Staying staying -> new double[] {staying.x(), staying.y(), 0};
            case Day.Moving moving -> moving.ride().route().at(moving.ride().sAt(t - moving.startS()));
        };
    }

    private static double speed(Day.Episode episode, double t) {
        return episode instanceof Day.Moving moving ? moving.ride().speedAt(t - moving.startS()) : 0;
    }

    private static double exponential(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
