// The pitch period of recent speech by normalized cross-correlation, for loss concealment.
namespace DeskPhone.Firmware.Media
{
    /// <summary>
    /// Finds the lag p (in samples) at which the last <c>window</c> samples before <c>end</c> best
    /// match the samples p earlier: the largest c(p)/√e(p), where c is their cross-correlation and
    /// e the energy of the earlier stretch (the later stretch's energy is the same for every p).
    /// A coarse pass on every <c>step</c>-th lag and sample, then every lag around the best.
    /// Ties go to the shorter lag. Without a positive correlation (silence, noise) the answer is
    /// <c>maxLag</c>. No allocation.
    /// </summary>
    public static class PitchSearch
    {
        /// <summary>
        /// The best lag in <paramref name="minLag"/>..<paramref name="maxLag"/>; needs
        /// <paramref name="end"/> ≥ <paramref name="window"/> + <paramref name="maxLag"/>.
        /// </summary>
        public static int Estimate(short[] signal, int end, int window, int minLag, int maxLag, int step)
        {
            if (step < 1) step = 1;
            int best = maxLag;
            double bestScore = 0;
            for (int lag = minLag; lag <= maxLag; lag += step)
            {
                double score = Score(signal, end, window, lag, step);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = lag;
                }
            }
            if (bestScore <= 0 || step == 1) return best;
            int from = best - step + 1 < minLag ? minLag : best - step + 1;
            int to = best + step - 1 > maxLag ? maxLag : best + step - 1;
            int fine = best;
            double fineScore = 0;
            for (int lag = from; lag <= to; lag++)
            {
                double score = Score(signal, end, window, lag, 1);
                if (score > fineScore)
                {
                    fineScore = score;
                    fine = lag;
                }
            }
            return fine;
        }

        /// <summary>c²/e when c is positive, else 0: orders lags as c/√e does, without a square root.</summary>
        private static double Score(short[] x, int end, int window, int lag, int step)
        {
            long c = 0;
            long e = 0;
            for (int i = end - window; i < end; i += step)
            {
                int a = x[i];
                int b = x[i - lag];
                c += a * b;
                e += b * b;
            }
            if (c <= 0 || e == 0) return 0;
            return (double)c * c / e;
        }
    }
}
