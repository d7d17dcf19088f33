namespace Site.Web.Checks.Advertising;

/// <summary>
/// A phrase of an advertising rule, written as words a clinic can read and extend, never as a regular
/// expression, so a rule file cannot make the build slow or match by accident:
/// <list type="bullet">
/// <item><c>free assessment</c>: these words in this order, in any case ("risk-free" matches <c>risk free</c>);</item>
/// <item><c>cure*</c>: a word starting so (cure, cured, cures);</item>
/// <item><c>assessment|consult*</c>: one of these words;</item>
/// <item><c>initial?</c>: this word or nothing;</item>
/// <item><c>...</c>: up to six other words;</item>
/// <item><c>{number}</c> (3, 4.5, three), <c>{name}</c> (a word with a capital letter), <c>{word}</c> (any word).</item>
/// </list>
/// A phrase never reaches past the end of its sentence.
/// </summary>
public sealed class Phrase
{
    private const int GapWords = 6;
    private const int MostGaps = 2;
    private const int MostOptional = 4;

    private readonly Element[] _elements;

    private Phrase(string text, Element[] elements)
    {
        Text = text;
        _elements = elements;
    }

    /// <summary>The phrase as the rule file wrote it.</summary>
    public string Text { get; }

    /// <summary>The alternatives of the first word, which every match starts with.</summary>
    internal IReadOnlyList<Alternative> First => _elements[0].Alternatives;

    /// <summary>Reads a phrase; null with <paramref name="error"/> saying what is wrong with it.</summary>
    public static Phrase? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var elements = new List<Element>();
        foreach (var piece in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece == "...")
            {
                elements.Add(new Element(ElementKind.Gap, false, []));
                continue;
            }

            var optional = piece.Length > 1 && piece.EndsWith('?');
            var body = optional ? piece[..^1] : piece;
            if (!body.Contains('|') && !body.EndsWith('*') && !body.StartsWith('{'))
            {
                // Plain words: split as text is split, so "risk-free", "100%" and "t&cs" read as the text does.
                var words = Words.Split(body);
                if (words.Count == 0)
                {
                    error = $"'{piece}' has no word in it.";
                    return null;
                }

                foreach (var word in words)
                {
                    elements.Add(new Element(ElementKind.Word, optional && words.Count == 1, [new Alternative(AlternativeKind.Literal, word.Text)]));
                }

                continue;
            }

            var alternatives = new List<Alternative>();
            foreach (var option in body.Split('|'))
            {
                if (ParseAlternative(option) is { } alternative)
                {
                    alternatives.Add(alternative);
                }
                else
                {
                    error = $"'{option}' in '{piece}' is not one word: in a list of choices (a|b), write each choice as one word, a word ending in *, or {{number}}, {{name}} or {{word}}.";
                    return null;
                }
            }

            elements.Add(new Element(ElementKind.Word, optional, [.. alternatives]));
        }

        if (elements.Count == 0)
        {
            error = "The phrase is empty.";
            return null;
        }

        if (elements[0].Kind == ElementKind.Gap || elements[0].Optional || elements[^1].Kind == ElementKind.Gap)
        {
            error = "A phrase must start with a word that is always there, and end with a word, not with '...' or an optional word.";
            return null;
        }

        // Each '...' and optional word multiplies the ways a phrase can match; these limits keep every phrase cheap.
        if (elements.Count(e => e.Kind == ElementKind.Gap) > MostGaps || elements.Count(e => e.Optional) > MostOptional)
        {
            error = $"A phrase may have at most {MostGaps} '...' and {MostOptional} optional words; split it into several phrases.";
            return null;
        }

        if (elements.Zip(elements.Skip(1)).Any(p => p.First.Kind == ElementKind.Gap && p.Second.Kind == ElementKind.Gap))
        {
            error = "Two '...' in a row mean no more than one: write a single '...'.";
            return null;
        }

        return new Phrase(text, [.. elements]);
    }

    private static Alternative? ParseAlternative(string option)
    {
        switch (option)
        {
            case "{number}":
                return new Alternative(AlternativeKind.Number, "");
            case "{name}":
                return new Alternative(AlternativeKind.Name, "");
            case "{word}":
                return new Alternative(AlternativeKind.AnyWord, "");
        }

        var prefix = option.Length > 1 && option.EndsWith('*');
        var words = Words.Split(prefix ? option[..^1] : option);
        return words.Count == 1 ? new Alternative(prefix ? AlternativeKind.Prefix : AlternativeKind.Literal, words[0].Text) : null;
    }

    /// <summary>The end (exclusive) of a match starting at word <paramref name="start"/>, or -1.</summary>
    /// <param name="limit">The words the match may use end here (the end of the sentence).</param>
    public int MatchAt(IReadOnlyList<Word> words, int start, int limit) => Match(words, 0, start, limit);

    /// <summary>Whether the phrase occurs anywhere in words [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public bool OccursIn(IReadOnlyList<Word> words, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = Math.Max(0, from); i < to; i++)
        {
            if (MatchAt(words, i, to) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private int Match(IReadOnlyList<Word> words, int element, int at, int limit)
    {
        if (element == _elements.Length)
        {
            return at;
        }

        var current = _elements[element];
        if (current.Kind == ElementKind.Gap)
        {
            for (var skip = 0; skip <= GapWords && at + skip < limit; skip++)
            {
                if (skip > 0 && words[at + skip - 1].EndsSentence)
                {
                    break;
                }

                var end = Match(words, element + 1, at + skip, limit);
                if (end >= 0)
                {
                    return end;
                }
            }

            return -1;
        }

        if (at < limit && AnyMatches(current.Alternatives, words[at]))
        {
            var end = Match(words, element + 1, at + 1, limit);
            if (end >= 0)
            {
                return end;
            }
        }

        return current.Optional ? Match(words, element + 1, at, limit) : -1;
    }

    private static bool AnyMatches(Alternative[] alternatives, Word word)
    {
        foreach (var alternative in alternatives)
        {
            if (alternative.Matches(word))
            {
                return true;
            }
        }

        return false;
    }

    private enum ElementKind
    {
        Word,
        Gap,
    }

    private sealed record Element(ElementKind Kind, bool Optional, Alternative[] Alternatives);
}

internal enum AlternativeKind
{
    Literal,
    Prefix,
    Number,
    Name,
    AnyWord,
}

/// <summary>One choice for one word of a phrase.</summary>
internal sealed record Alternative(AlternativeKind Kind, string Text)
{
    public bool Matches(Word word) => Kind switch
    {
        AlternativeKind.Literal => word.Text == Text,
        AlternativeKind.Prefix => word.Text.StartsWith(Text, StringComparison.Ordinal),
        AlternativeKind.Number => word.IsNumber,
        AlternativeKind.Name => word.Capital,
        _ => word.Text.Length > 0 && char.IsLetterOrDigit(word.Text[0]),
    };
}
