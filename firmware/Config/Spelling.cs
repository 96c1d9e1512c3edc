// "Did you mean ...?" for misspelt field names and values.
namespace DeskPhone.Firmware.Config
{
    /// <summary>Finds the closest known word to a misspelt one (optimal string alignment distance, ASCII case ignored).</summary>
    internal static class Spelling
    {
        /// <summary>Largest edit distance that still earns a suggestion.</summary>
        public const int MaxDistance = 2;

        /// <summary>The nearest of <paramref name="candidates"/> within <see cref="MaxDistance"/> edits, or null.</summary>
        public static string Suggest(string word, string[] candidates)
        {
            if (word == null || word.Length == 0 || word.Length > 64)
            {
                return null;
            }
            string best = null;
            int bestDistance = MaxDistance + 1;
            for (int i = 0; i < candidates.Length; i++)
            {
                string c = candidates[i];
                int lengthGap = c.Length > word.Length ? c.Length - word.Length : word.Length - c.Length;
                if (lengthGap > MaxDistance)
                {
                    continue;
                }
                int d = Distance(word, c);
                // A one- or two-letter word is "near" almost anything; only suggest when fewer edits than letters.
                if (d < bestDistance && d < word.Length)
                {
                    best = c;
                    bestDistance = d;
                }
            }
            return best;
        }

        /// <summary>" (did you mean 'x'?)" or "".</summary>
        public static string Hint(string word, string[] candidates)
        {
            string s = Suggest(word, candidates);
            return s == null ? "" : " (did you mean '" + s + "'?)";
        }

        /// <summary>Edits (insert, delete, substitute, swap neighbours) to turn a into b.</summary>
        public static int Distance(string a, string b)
        {
            int[] before = new int[b.Length + 1];
            int[] previous = new int[b.Length + 1];
            int[] current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = Lower(a[i - 1]) == Lower(b[j - 1]) ? 0 : 1;
                    int best = previous[j] + 1;
                    if (current[j - 1] + 1 < best) best = current[j - 1] + 1;
                    if (previous[j - 1] + cost < best) best = previous[j - 1] + cost;
                    if (i > 1 && j > 1 && Lower(a[i - 1]) == Lower(b[j - 2]) && Lower(a[i - 2]) == Lower(b[j - 1])
                        && before[j - 2] + 1 < best)
                    {
                        best = before[j - 2] + 1;
                    }
                    current[j] = best;
                }
                int[] t = before;
                before = previous;
                previous = current;
                current = t;
            }
            return previous[b.Length];
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
    }
}
