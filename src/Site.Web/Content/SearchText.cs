namespace Site.Web.Content;

/// <summary>
/// Words to stems, the same way theme/assets/js/search.js does it: lower case, letters and digits only,
/// common words dropped, simple plurals folded ("hamstrings" and "hamstring" meet).
/// </summary>
public static class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "has", "have", "how", "i", "if", "in", "is",
        "it", "its", "of", "on", "or", "our", "so", "that", "the", "their", "them", "then", "there", "they", "this", "to", "up", "was",
        "we", "what", "when", "which", "who", "will", "with", "you", "your",
    };

    /// <summary>
    /// The distinct stems of <paramref name="text"/>, sorted and joined by spaces, as UTF-8: what the search index
    /// needs of an item's body, kept from its render to the index in a fraction of the memory of its words.
    /// </summary>
    public static byte[] DistinctStems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var lookup = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        ForEachStem(text, stem => lookup.Add(stem));
        var sorted = stems.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return System.Text.Encoding.UTF8.GetBytes(string.Join(' ', sorted));
    }

    /// <summary>Called with each stem; the span is only valid during the call.</summary>
    public delegate void StemAction(ReadOnlySpan<char> stem);

    public static IEnumerable<string> Stems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stems = new List<string>();
        ForEachStem(text, stem => stems.Add(stem.ToString()));
        return stems;
    }

    /// <summary>
    /// Calls <paramref name="action"/> with the stem of every word of <paramref name="text"/>, in order, without
    /// allocating a string per word (a 10,000-article site has millions of words).
    /// </summary>
    public static void ForEachStem(ReadOnlySpan<char> text, StemAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var stopWords = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(64);
        try
        {
            var length = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var ch = i < text.Length ? text[i] : ' ';
                if (char.IsLetterOrDigit(ch))
                {
                    if (length == buffer.Length)
                    {
                        var larger = System.Buffers.ArrayPool<char>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    buffer[length++] = char.ToLowerInvariant(ch);
                    continue;
                }

                if (ch == '\'' || ch == '\u2019')
                {
                    continue;
                }

                var word = buffer.AsSpan(0, length);
                if (length > 1 && !stopWords.Contains(word))
                {
                    action(Stem(word));
                }

                length = 0;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Stem(word.ToCharArray()).ToString();
    }

    /// <summary>Folds simple plurals; may rewrite <paramref name="word"/> in place ("injuries" to "injury").</summary>
    private static ReadOnlySpan<char> Stem(Span<char> word)
    {
        if (word.Length > 4 && word.EndsWith("ies"))
        {
            word[^3] = 'y';
            return word[..^2];
        }

        if (word.Length > 4 && (word.EndsWith("ches") || word.EndsWith("shes") || word.EndsWith("sses") || word.EndsWith("xes")))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word[^1] == 's' && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is"))
        {
            return word[..^1];
        }

        return word;
    }
}
