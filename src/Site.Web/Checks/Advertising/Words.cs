namespace Site.Web.Checks.Advertising;

/// <summary>One word, number or symbol of a passage: where it is and how it compares.</summary>
/// <param name="Text">Lower case, with curly quotes and apostrophes made straight.</param>
/// <param name="Capital">The word starts with a capital letter, as a name does.</param>
/// <param name="EndsSentence">A '.', '!' or '?' that ends a sentence.</param>
public readonly record struct Word(int Start, int Length, string Text, bool Capital, bool IsNumber, bool EndsSentence);

/// <summary>
/// Splits reader-visible text into words for the phrase rules: letters and digits (with an apostrophe or a
/// decimal point inside) make a word, a hyphen or a space separates words (so "risk-free" and "risk free"
/// read alike), and any other mark is a word of its own ('%', '★', a quotation mark, a full stop).
/// </summary>
public static class Words
{
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "hundred", "few", "couple",
    };

    /// <summary>Abbreviations whose full stop does not end a sentence.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "vs", "eg", "ie", "etc", "no",
    };

    /// <summary>
    /// The lower-case words seen on this thread, so the same word in ten thousand articles is one string:
    /// found by its characters without making a new string first.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, (string Text, bool Number)>? t_seen;

    private const int MostRemembered = 200_000;

    private static (string Text, bool Number) Lower(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        for (var k = 0; k < word.Length; k++)
        {
            lower[k] = word[k] == '’' ? '\'' : char.ToLowerInvariant(word[k]);
        }

        var seen = t_seen ??= new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(lower, out var known))
        {
            return known;
        }

        var made = new string(lower);
        var entry = (made, NumberWords.Contains(made));
        if (seen.Count < MostRemembered)
        {
            seen[made] = entry;
        }

        return entry;
    }

    public static List<Word> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<Word>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '-' or '–' or '—')
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i])
                    || text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1])
                    || text[i] is '.' or ',' && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1])))
                {
                    i++;
                }

                var (lower, numberWord) = Lower(text.AsSpan(start, i - start));
                var isNumber = char.IsDigit(c) || numberWord;
                words.Add(new Word(start, i - start, lower, char.IsUpper(c), isNumber, false));
                continue;
            }

            i++;
            var mark = c switch
            {
                '“' or '”' or '„' or '«' or '»' => "\"",
                '‘' or '’' => "'",
                _ => c.ToString(),
            };
            // A full stop after an abbreviation, or after a single letter (e.g., i.e., initials), ends no sentence.
            var ends = c is '!' or '?' || c == '.' && !(words.Count > 0 && words[^1].Start + words[^1].Length == start
                && (Abbreviations.Contains(words[^1].Text) || (words[^1].Length == 1 && char.IsLetter(words[^1].Text[0]))));
            words.Add(new Word(start, 1, mark, false, false, ends));
        }

        return words;
    }
}
