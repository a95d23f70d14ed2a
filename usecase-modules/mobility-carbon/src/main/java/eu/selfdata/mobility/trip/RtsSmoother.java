package eu.selfdata.mobility.trip;

import java.util.Arrays;

/**
 * A constant-velocity Kalman filter (white noise acceleration of spectral density {@code q}, Bar-Shalom,
 * Li &amp; Kirubarajan, <i>Estimation with Applications to Tracking and Navigation</i>, 2001, §6.2.2)
 * run forward over a track's fixes in the local plane, then the Rauch–Tung–Striebel smoother
 * backward (Rauch, Tung &amp; Striebel, AIAA Journal 3(8), 1965). Both axes share one covariance
 * (same model, isotropic noise), so a pass costs a few dozen operations per fix. Each fix has its
 * measurement variance, divided by its weight (outliers weigh little); the smoothed positions go
 * into the track, velocities and position variances stay here. A silence longer than
 * {@value #RESTART_GAP_S} s, or a new chunk of the plane, restarts the filter: nothing is assumed
 * about what happened in it.
 */
final class RtsSmoother {

    static final double RESTART_GAP_S = 120;
    private static final double INITIAL_SPEED_VARIANCE = 30 * 30;

    final Track track;
    final int n;
    /** The fixes as measured (metres in the plane). */
    final double[] zx;

    final double[] zy;
    /** Measurement variance per axis, from the reported accuracy. */
    final double[] variance;
    /** How much each fix counts, 0 to 1: its variance is divided by it. */
    final double[] weight;
    /** Process noise of the interval ending at each fix. */
    final double[] q;

    final double[] vx;
    final double[] vy;
    final double[] positionVariance;
    private final double[] fx;
    private final double[] fvx;
    private final double[] fy;
    private final double[] fvy;
    private final double[] f00;
    private final double[] f01;
    private final double[] f11;
    /** Seconds from the fix before to each fix, and whether the filter restarts there. */
    private final double[] dt;

    private final boolean[] restart;

    RtsSmoother(Track track, double[] variance) {
        this.track = track;
        this.n = track.size;
        this.variance = variance;
        zx = track.x.clone();
        zy = track.y.clone();
        weight = new double[n];
        Arrays.fill(weight, 1);
        q = new double[n];
        vx = new double[n];
        vy = new double[n];
        positionVariance = new double[n];
        fx = new double[n];
        fvx = new double[n];
        fy = new double[n];
        fvy = new double[n];
        f00 = new double[n];
        f01 = new double[n];
        f11 = new double[n];
        dt = new double[n];
        restart = new boolean[n];
        for (int k = 0; k < n; k++) {
            dt[k] = k == 0 ? 0 : seconds(k - 1, k);
            restart[k] = k == 0 || track.chunk[k] != track.chunk[k - 1] || dt[k] > RESTART_GAP_S;
        }
    }

    /** Whether the filter starts afresh at fix k. */
    boolean restarts(int k) {
        return restart[k];
    }

    double seconds(int a, int b) {
        return (track.time[b] - track.time[a]) / 1000.0;
    }

    /**
     * Forward then backward. With {@code robustOnline}, each fix's weight is also capped as it comes by
     * its innovation, as a Student-t with {@code nu} degrees of freedom would (for a first pass, before
     * any smoothed residual is known).
     */
    void pass(boolean robustOnline, double nu) {
        forward(robustOnline, nu);
        backward();
    }

    private void forward(boolean robustOnline, double nu) {
        for (int k = 0; k < n; k++) {
            if (restart[k]) {
                fx[k] = zx[k];
                fy[k] = zy[k];
                fvx[k] = 0;
                fvy[k] = 0;
                f00[k] = variance[k];
                f01[k] = 0;
                f11[k] = INITIAL_SPEED_VARIANCE;
                continue;
            }
            double t = dt[k];
            double qk = q[k];
            double p00 = f00[k - 1] + 2 * t * f01[k - 1] + t * t * f11[k - 1] + qk * t * t * t / 3;
            double p01 = f01[k - 1] + t * f11[k - 1] + qk * t * t / 2;
            double p11 = f11[k - 1] + qk * t;
            double px = fx[k - 1] + t * fvx[k - 1];
            double py = fy[k - 1] + t * fvy[k - 1];
            double ix = zx[k] - px;
            double iy = zy[k] - py;
            if (robustOnline) {
                double normalised = (ix * ix + iy * iy) / (p00 + variance[k] / weight[k]);
                weight[k] = Math.min(weight[k], (nu + 2) / (nu + normalised));
            }
            double s = p00 + variance[k] / Math.max(weight[k], 1e-9);
            double k0 = p00 / s;
            double k1 = p01 / s;
            fx[k] = px + k0 * ix;
            fy[k] = py + k0 * iy;
            fvx[k] = fvx[k - 1] + k1 * ix;
            fvy[k] = fvy[k - 1] + k1 * iy;
            f00[k] = (1 - k0) * p00;
            f01[k] = (1 - k0) * p01;
            f11[k] = p11 - k1 * p01;
        }
    }

    private void backward() {
        double s00 = 0;
        double s01 = 0;
        double s11 = 0;
        for (int k = n - 1; k >= 0; k--) {
            if (k == n - 1 || restart[k + 1]) {
                track.x[k] = fx[k];
                track.y[k] = fy[k];
                vx[k] = fvx[k];
                vy[k] = fvy[k];
                s00 = f00[k];
                s01 = f01[k];
                s11 = f11[k];
                positionVariance[k] = s00;
                continue;
            }
            double t = dt[k + 1];
            double qk = q[k + 1];
            // P(k|k)·Fᵀ, the prediction P(k+1|k), and the smoother gain C = P(k|k)·Fᵀ·P(k+1|k)⁻¹
            double a00 = f00[k] + t * f01[k];
            double a10 = f01[k] + t * f11[k];
            double p00 = a00 + t * a10 + qk * t * t * t / 3;
            double p01 = a10 + qk * t * t / 2;
            double p11 = f11[k] + qk * t;
            double det = p00 * p11 - p01 * p01;
            double c00 = (a00 * p11 - f01[k] * p01) / det;
            double c01 = (f01[k] * p00 - a00 * p01) / det;
            double c10 = (a10 * p11 - f11[k] * p01) / det;
            double c11 = (f11[k] * p00 - a10 * p01) / det;
            double dxp = track.x[k + 1] - (fx[k] + t * fvx[k]);
            double dvx = vx[k + 1] - fvx[k];
            double dyp = track.y[k + 1] - (fy[k] + t * fvy[k]);
            double dvy = vy[k + 1] - fvy[k];
            track.x[k] = fx[k] + c00 * dxp + c01 * dvx;
            vx[k] = fvx[k] + c10 * dxp + c11 * dvx;
            track.y[k] = fy[k] + c00 * dyp + c01 * dvy;
            vy[k] = fvy[k] + c10 * dyp + c11 * dvy;
            double d00 = s00 - p00;
            double d01 = s01 - p01;
            double d11 = s11 - p11;
            double n00 = f00[k] + c00 * c00 * d00 + 2 * c00 * c01 * d01 + c01 * c01 * d11;
            double n01 = f01[k] + c00 * c10 * d00 + (c00 * c11 + c01 * c10) * d01 + c01 * c11 * d11;
            double n11 = f11[k] + c10 * c10 * d00 + 2 * c10 * c11 * d01 + c11 * c11 * d11;
            s00 = n00;
            s01 = n01;
            s11 = n11;
            positionVariance[k] = s00;
        }
    }

    /**
     * Student-t weights from each fix's expected squared residual given all fixes — the E step of EM
     * for the Student-t state-space model (Agamennoni, Nieto &amp; Nebot, IEEE Trans. Signal Processing
     * 60(10), 2012): (ν + 2) / (ν + (|z − x̂|² + 2 P) / r).
     */
    void reweigh(double nu) {
        for (int k = 0; k < n; k++) {
            double ex = zx[k] - track.x[k];
            double ey = zy[k] - track.y[k];
            double normalised = (ex * ex + ey * ey + 2 * positionVariance[k]) / variance[k];
            weight[k] = (nu + 2) / (nu + normalised);
        }
    }

    double speed(int k) {
        return Geo.norm(vx[k], vy[k]);
    }
}
