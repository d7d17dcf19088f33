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

    public static List<AdvertisingFinding> Run(AdvertisingProfile profile, IReadOnlyList<Passage> passages)
    {

        ArgumentNullException.ThrowIfNull(passages);
        var findings = new List<AdvertisingFinding>();
        var candidates = new List<(AdvertisingFamily Family, Phrase Phrase)>();
        foreach (var passage in passages)
        {
            var words = passage.Words;
            var sentenceStart = 0;
            var sentenceEnd = SentenceEnd(words, 0);
            Dictionary<AdvertisingFamily, int>? reachedBy = null;
            for (var i = 0; i < words.Count; i++)
            {
                if (i >= sentenceEnd)
                {
                    sentenceStart = sentenceEnd;
                    sentenceEnd = SentenceEnd(words, sentenceStart);
                }

                profile.StartingWith(words[i], candidates);
                foreach (var (family, phrase) in candidates)
                {
                    if (reachedBy?.GetValueOrDefault(family) > i)
                    {
                        continue; // inside an earlier finding of the same family
                    }

                    var end = phrase.MatchAt(words, i, sentenceEnd);
                    if (end < 0 || Excused(family, words, i, end, sentenceStart, sentenceEnd, passage, passages))
                    {
                        continue;
                    }

                    reachedBy ??= new Dictionary<AdvertisingFamily, int>(ReferenceEqualityComparer.Instance);
                    reachedBy[family] = end;
                    var last = words[end - 1];
                    findings.Add(new AdvertisingFinding(family, passage, words[i].Start, last.Start + last.Length));
                }
            }
        }

        return findings;
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

    private static bool Excused(AdvertisingFamily family, List<Word> words, int start, int end, int sentenceStart, int sentenceEnd, Passage passage, IReadOnlyList<Passage> page) =>
        (start > 0 && words[start - 1].Text is "\"" or "'") // a word named in quotes, not used: say "has a special interest in", not "specialises in"
        || family.UnlessBefore.Any(p => p.OccursIn(words, Math.Max(sentenceStart, start - Nearby), start))
        || family.UnlessAfter.Any(p => p.OccursIn(words, end, Math.Min(sentenceEnd, end + Nearby)))
        || family.UnlessSentence.Any(p => p.OccursIn(words, sentenceStart, sentenceEnd))
        || family.UnlessParagraph.Any(p => p.OccursIn(words, 0, words.Count))
        || (family.UnlessCited && passage.Cited)
        || family.UnlessPage.Any(p => page.Any(other => p.OccursIn(other.Words, 0, other.Words.Count)));

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
