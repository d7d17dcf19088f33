using Site.Engine.Diagnostics;

namespace Site.Web.Checks.Advertising;

/// <summary>One phrase that breaks a rule: its family, and where its words are.</summary>
public sealed record AdvertisingFinding(AdvertisingFamily Family, Passage Passage, int Start, int End)
{
    public string Words => Passage.Text[Start..End];
}

/// <summary>
/// Runs a profile's phrases over the passages of one page. A match counts unless its context excuses it: a
/// negation just before, a referral just after, a word elsewhere in its sentence or paragraph, the terms of an
/// offer anywhere on the page, or a link to the study in the same paragraph.
/// </summary>
public static class AdvertisingScan
{
    /// <summary>How many words before or after a match <c>unless_before</c> and <c>unless_after</c> look at.</summary>
    private const int Nearby = 6;

    /// <summary>
    /// Findings of one family on one page beyond this many are not listed: the first ones show the problem, and a
    /// page of thousands of rule words must not cost thousands of reports.
    /// </summary>
    public const int MostPerFamily = 20;

    public static List<AdvertisingFinding> Run(AdvertisingProfile profile, IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(passages);
        var findings = new List<AdvertisingFinding>();
        var candidates = new List<(AdvertisingFamily Family, Phrase Phrase)>();
        var counts = new Dictionary<AdvertisingFamily, int>(ReferenceEqualityComparer.Instance);

        // Whether a family's page-wide and paragraph-wide exceptions hold is worked out once, not per match.
        var pageExcuses = new Dictionary<AdvertisingFamily, bool>(ReferenceEqualityComparer.Instance);
        foreach (var passage in passages)
        {
            var words = passage.Words;
            var sentenceStart = 0;
            var sentenceEnd = SentenceEnd(words, 0);
            Dictionary<AdvertisingFamily, int>? reachedBy = null;
            var paragraphExcuses = new Dictionary<AdvertisingFamily, bool>(ReferenceEqualityComparer.Instance);
            var sentenceExcuses = new Dictionary<AdvertisingFamily, bool>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < words.Count; i++)
            {
                if (i >= sentenceEnd)
                {
                    sentenceStart = sentenceEnd;
                    sentenceEnd = SentenceEnd(words, sentenceStart);
                    sentenceExcuses.Clear();
                }

                profile.StartingWith(words[i], candidates);
                foreach (var (family, phrase) in candidates)
                {
                    if (reachedBy?.GetValueOrDefault(family) > i || counts.GetValueOrDefault(family) >= MostPerFamily)
                    {
                        continue; // inside an earlier finding of the same family, or enough of them listed
                    }

                    var end = phrase.MatchAt(words, i, sentenceEnd);
                    if (end < 0 || Mentioned(passage.Text, words, i, end) || Near(family, words, i, end, sentenceStart, sentenceEnd))
                    {
                        continue;
                    }

                    if (Cached(sentenceExcuses, family, () => family.UnlessSentence.Any(p => p.OccursIn(words, sentenceStart, sentenceEnd)))
                        || Cached(paragraphExcuses, family, () => (family.UnlessCited && passage.Cited) || family.UnlessParagraph.Any(p => p.OccursIn(words, 0, words.Count)))
                        || Cached(pageExcuses, family, () => family.UnlessPage.Any(p => passages.Any(other => p.OccursIn(other.Words, 0, other.Words.Count)))))
                    {
                        continue;
                    }

                    reachedBy ??= new Dictionary<AdvertisingFamily, int>(ReferenceEqualityComparer.Instance);
                    reachedBy[family] = end;
                    counts[family] = counts.GetValueOrDefault(family) + 1;
                    var last = words[end - 1];
                    findings.Add(new AdvertisingFinding(family, passage, words[i].Start, last.Start + last.Length));
                }
            }
        }

        return findings;
    }

    private static bool Cached(Dictionary<AdvertisingFamily, bool> cache, AdvertisingFamily family, Func<bool> compute)
    {
        if (!cache.TryGetValue(family, out var value))
        {
            cache[family] = value = compute();
        }

        return value;
    }

    private static int SentenceEnd(List<Word> words, int from)
    {
        var i = from;
        while (i < words.Count && !words[i].EndsSentence)
        {
            i++;
        }

        return Math.Min(words.Count, i + 1);
    }

    /// <summary>The few words just before or after a match excuse it (a negation, a referral).</summary>
    private static bool Near(AdvertisingFamily family, List<Word> words, int start, int end, int sentenceStart, int sentenceEnd) =>
        family.UnlessBefore.Any(p => p.OccursIn(words, Math.Max(sentenceStart, start - Nearby), start))
        || family.UnlessAfter.Any(p => p.OccursIn(words, end, Math.Min(sentenceEnd, end + Nearby)));

    /// <summary>
    /// Words named in quotes rather than used: say "has a special interest in", not "specialises in". The quote
    /// must open just before the match (not an apostrophe ending the word before) and close within two words
    /// after it, with no '!' or full stop between, so a quoted claim ("Best physio in town!") still counts.
    /// </summary>
    private static bool Mentioned(string text, List<Word> words, int start, int end)
    {
        if (start == 0 || words[start - 1].Text is not ("\"" or "'"))
        {
            return false;
        }

        var open = words[start - 1];
        if (open.Start > 0 && !char.IsWhiteSpace(text[open.Start - 1]))
        {
            return false;
        }

        for (var k = end; k < Math.Min(words.Count, end + 3); k++)
        {
            if (words[k].Text == open.Text)
            {
                return true;
            }

            if (words[k].EndsSentence || words[k].Text == "!" || words[k].Text == ",")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The diagnostic for a finding in <paramref name="file"/>.</summary>
    public static Diagnostic ToDiagnostic(AdvertisingFinding finding, string file)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var (line, column) = finding.Passage.At(finding.Start);
        var family = finding.Family;
        var words = string.Join(' ', finding.Words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return new Diagnostic(
            family.Id,
            family.Severity ?? Severity.Warning,
            new SourceLocation(file, line, column),
            $"\"{words}\": {family.Title} {family.Law}",
            family.Suggestion);
    }
}
