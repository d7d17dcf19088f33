using Site.Web.Checks.Advertising;

namespace Site.Web.Content;

/// <summary>One sentence as readability sees it: where it starts, its words and syllables, and its own grade.</summary>
public sealed record ReadableSentence(Passage Passage, int Start, int End, int Words, int Syllables)
{
    public string Text => Passage.Text[Start..End].Trim();

    /// <summary>The sentence's own Flesch-Kincaid grade, to find the hardest sentences of a text.</summary>
    public double Grade => Readability.FleschKincaid(Words, 1, Syllables);
}

/// <summary>A text's reading grade: the Flesch-Kincaid grade and SMOG, and the counts they come from.</summary>
public sealed record ReadingGrade(double FleschKincaid, double Smog, int Words, int Sentences, IReadOnlyList<ReadableSentence> Hardest);

/// <summary>
/// Reading grade of prose, as the Australian Government Style Manual uses it (aim for Year 7): Flesch-Kincaid
/// grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59, and SMOG = 1.043 × √(words of three or
/// more syllables × 30 / sentences) + 3.1291. Headings and lists of links are left out; a glossary term
/// ("proximal hamstring tendinopathy") counts as one short word, since the page explains it.
/// </summary>
public static class Readability
{
    public static double FleschKincaid(int words, int sentences, int syllables) =>
        words == 0 ? 0 : (0.39 * words / Math.Max(1, sentences)) + (11.8 * syllables / words) - 15.59;

    public static double Smog(int polysyllables, int sentences) =>
        (1.043 * Math.Sqrt(polysyllables * 30.0 / Math.Max(1, sentences))) + 3.1291;

    /// <param name="glossary">Terms in lower case, each counted as one word of one syllable.</param>
    public static ReadingGrade Measure(IEnumerable<Passage> passages, IReadOnlyList<string> glossary)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(glossary);
        var terms = glossary.Select(t => Words.Split(t).Select(w => w.Text).ToArray()).Where(t => t.Length > 0).OrderByDescending(t => t.Length).ToList();
        var sentences = new List<ReadableSentence>();
        var polysyllables = 0;
        foreach (var passage in passages.Where(p => !p.Heading && !p.LinksOnly))
        {
            var words = passage.Words;
            int start = -1, count = 0, syllables = 0, lastEnd = 0;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (word.EndsSentence || i == words.Count - 1)
                {
                    if (!word.EndsSentence && IsWord(word))
                    {
                        start = start < 0 ? word.Start : start;
                        count++;
                        var s = CachedSyllables(word.Text);
                        syllables += s;
                        polysyllables += s >= 3 ? 1 : 0;
                    }

                    if (count > 0)
                    {
                        sentences.Add(new ReadableSentence(passage, start, word.Start + word.Length, count, syllables));
                    }

                    start = -1;
                    count = 0;
                    syllables = 0;
                    continue;
                }

                if (!IsWord(word))
                {
                    continue;
                }

                start = start < 0 ? word.Start : start;
                var termLength = TermAt(terms, words, i);
                if (termLength > 0)
                {
                    count++;
                    syllables++;
                    i += termLength - 1;
                    lastEnd = words[i].Start + words[i].Length;
                    continue;
                }

                lastEnd = word.Start + word.Length;

                count++;
                var n = CachedSyllables(word.Text);
                syllables += n;
                polysyllables += n >= 3 ? 1 : 0;
            }

            // A passage that ends with a glossary term jumps past the last word, where sentences are closed.
            if (count > 0)
            {
                sentences.Add(new ReadableSentence(passage, start, lastEnd, count, syllables));
            }
        }

        var totalWords = sentences.Sum(s => s.Words);
        var totalSyllables = sentences.Sum(s => s.Syllables);
        var hardest = sentences.Where(s => s.Words >= 4).OrderByDescending(s => s.Grade).Take(3).ToList();
        return new ReadingGrade(
            Math.Round(FleschKincaid(totalWords, sentences.Count, totalSyllables), 1),
            Math.Round(sentences.Count == 0 ? 0 : Smog(polysyllables, sentences.Count), 1),
            totalWords,
            sentences.Count,
            hardest);
    }

    /// <summary>The length in words of the glossary term starting at word <paramref name="at"/>, or 0.</summary>
    private static int TermAt(List<string[]> terms, List<Word> words, int at)
    {
        foreach (var term in terms)
        {
            if (Starts(words, at, term))
            {
                return term.Length;
            }
        }

        return 0;
    }

    /// <summary>Syllable counts of the words seen on this thread (words are shared strings, so this is one lookup).</summary>
    [ThreadStatic]
    private static Dictionary<string, int>? t_syllables;

    private static int CachedSyllables(string word)
    {
        var cache = t_syllables ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (!cache.TryGetValue(word, out var count))
        {
            count = Syllables(word);
            if (cache.Count < 200_000)
            {
                cache[word] = count;
            }
        }

        return count;
    }

    private static bool IsWord(Word word) => word.Text.Length > 0 && char.IsLetter(word.Text[0]);

    private static bool Starts(List<Word> words, int at, string[] term)
    {
        if (at + term.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < term.Length; k++)
        {
            if (words[at + k].Text != term[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Syllables of an English word by its vowel groups, less a silent final 'e' ("make") and the 'e' of '-es' and
    /// '-ed' endings that are not sounded ("makes", "moved"); at least one.
    /// </summary>
    public static int Syllables(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.TrimEnd('\'').Replace("'s", "", StringComparison.Ordinal);
        if (w.Length <= 3)
        {
            return 1;
        }

        if (w.EndsWith("es", StringComparison.Ordinal) && !w.EndsWith("ses", StringComparison.Ordinal) && !w.EndsWith("ces", StringComparison.Ordinal) && !w.EndsWith("ges", StringComparison.Ordinal) && !w.EndsWith("zes", StringComparison.Ordinal) && !w.EndsWith("xes", StringComparison.Ordinal) && !w.EndsWith("shes", StringComparison.Ordinal) && !w.EndsWith("ches", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ted", StringComparison.Ordinal) && !w.EndsWith("ded", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        var count = 0;
        var previousVowel = false;
        foreach (var c in w)
        {
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !previousVowel)
            {
                count++;
            }

            previousVowel = vowel;
        }

        return Math.Max(1, count);
    }
}
