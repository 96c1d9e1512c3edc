// "did you mean" hints for misspelt names.
namespace DeskPhone.Office.Model;

/// <summary>Suggests the closest known name when a word is one or two edits away from it.</summary>
public static class Spelling
{
    /// <summary>" (did you mean 'bob'?)" or "".</summary>
    public static string Hint(string word, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int d = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = word.Length <= 3 ? 1 : 2;
        return best != null && bestDistance > 0 && bestDistance <= allowed ? $" (did you mean '{best}'?)" : "";
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
