using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Checks.Advertising;

/// <summary>
/// One family of advertising rules: the phrases that break it, the context that excuses them, and what the
/// reader of the build's message needs (the rule of law it comes from, and a better way to say it).
/// </summary>
/// <param name="Severity">null: the profile turns the family off.</param>
public sealed record AdvertisingFamily(string Name, string Id, Severity? Severity, string Title, string Law, string Suggestion)
{
    public ImmutableArray<Phrase> Match { get; init; } = [];

    /// <summary>Excuses a match when it occurs in the few words before it (a negation: "there is no quick cure").</summary>
    public ImmutableArray<Phrase> UnlessBefore { get; init; } = [];

    /// <summary>Excuses a match when it occurs in the few words after it ("specialist doctor").</summary>
    public ImmutableArray<Phrase> UnlessAfter { get; init; } = [];

    public ImmutableArray<Phrase> UnlessSentence { get; init; } = [];

    public ImmutableArray<Phrase> UnlessParagraph { get; init; } = [];

    /// <summary>Excuses a match when it occurs anywhere in the item (the terms of an offer).</summary>
    public ImmutableArray<Phrase> UnlessPage { get; init; } = [];

    /// <summary>A link to another website in the same paragraph (the study the claim rests on) excuses a match.</summary>
    public bool UnlessCited { get; init; }
}

/// <summary>
/// The health-advertising rules the build applies, kept as data: a profile names the law it follows and gives
/// each rule family its phrases, exceptions, severity and advice. The built-in profiles (<c>au</c>, the
/// default, and <c>uk</c>) live beside this file; <c>advertising:</c> in site.yml chooses one, or names the
/// clinic's own file in input/ that <c>extends:</c> one and adds phrases or changes a family's severity.
/// </summary>
public sealed class AdvertisingProfile
{
    /// <summary>Each family the rules may fill, with its diagnostic id; a profile cannot invent others.</summary>
    public static IReadOnlyDictionary<string, string> FamilyIds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["testimonial"] = DiagnosticIds.AdTestimonial,
        ["guarantee"] = DiagnosticIds.AdGuarantee,
        ["safety"] = DiagnosticIds.AdSafety,
        ["specialist"] = DiagnosticIds.AdSpecialist,
        ["doctor-title"] = DiagnosticIds.AdDoctorTitle,
        ["superlative"] = DiagnosticIds.AdSuperlative,
        ["inducement"] = DiagnosticIds.AdInducement,
        ["urgency"] = DiagnosticIds.AdUrgency,
        ["evidence"] = DiagnosticIds.AdEvidence,
        ["timeline"] = DiagnosticIds.AdTimeline,
    };

    public static IReadOnlyList<string> BuiltIn { get; } = ["au", "uk"];

    private static readonly Lazy<AdvertisingProfile> DefaultProfile = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        return ReadBuiltIn("au", diagnostics) ?? throw new InvalidOperationException("The built-in advertising profile 'au' is invalid: " + string.Join("; ", diagnostics.Sorted().Select(d => d.Message)));
    });

    private readonly Dictionary<string, List<(AdvertisingFamily Family, Phrase Phrase)>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(AdvertisingFamily Family, Phrase Phrase, Alternative First)>> _byStem = new(StringComparer.Ordinal);
    private readonly List<(AdvertisingFamily Family, Phrase Phrase, Alternative First)> _byOther = [];

    /// <summary>Some phrase may start at any word ({word}, or a short 'ab*'), not only at a number or a name.</summary>
    private readonly bool _anyWordFirst;

    private AdvertisingProfile(string name, string about, ImmutableArray<AdvertisingFamily> families)
    {
        Name = name;
        About = about;
        Families = families;
        foreach (var family in families.Where(f => f.Severity is not null))
        {
            foreach (var phrase in family.Match)
            {
                foreach (var first in phrase.First)
                {
                    if (first.Kind is AlternativeKind.Literal or AlternativeKind.Prefix)
                    {
                        _maybe[StemHash(first.Text)] = true;
                    }

                    if (first.Kind == AlternativeKind.Literal)
                    {
                        if (!_byWord.TryGetValue(first.Text, out var list))
                        {
                            _byWord[first.Text] = list = [];
                        }

                        list.Add((family, phrase));
                    }
                    else if (first.Kind == AlternativeKind.Prefix && first.Text.Length >= StemLength)
                    {
                        var stem = first.Text[..StemLength];
                        if (!_byStem.TryGetValue(stem, out var list))
                        {
                            _byStem[stem] = list = [];
                        }

                        list.Add((family, phrase, first));
                    }
                    else
                    {
                        _byOther.Add((family, phrase, first));
                        _anyWordFirst |= first.Kind is AlternativeKind.AnyWord or AlternativeKind.Prefix;
                    }
                }
            }
        }
    }

    /// <summary>The Australian profile, which a site uses unless site.yml chooses another.</summary>
    public static AdvertisingProfile Default => DefaultProfile.Value;

    public string Name { get; }

    /// <summary>The law and guidelines the profile follows, for messages and the build report.</summary>
    public string About { get; }

    public ImmutableArray<AdvertisingFamily> Families { get; }

    /// <summary>
    /// Adds to <paramref name="found"/> the phrases that may start at this word, found by the word itself (or
    /// its first letters, for phrases starting with 'word*'), so most words cost two lookups.
    /// </summary>
    public void StartingWith(Word word, List<(AdvertisingFamily Family, Phrase Phrase)> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        found.Clear();
        // Most words start no literal or 'word*' phrase: for them, only {number} and {name} phrases are tried.
        var maybe = _maybe[StemHash(word.Text)];
        if (maybe && _byWord.TryGetValue(word.Text, out var list))
        {
            found.AddRange(list);
        }

        if (maybe && word.Text.Length >= StemLength && _byStem.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word.Text.AsSpan(0, StemLength), out var stems))
        {
            foreach (var (family, phrase, first) in stems)
            {
                if (first.Matches(word))
                {
                    found.Add((family, phrase));
                }
            }
        }

        if (word.IsNumber || word.Capital || _anyWordFirst)
        {
            foreach (var (family, phrase, first) in _byOther)
            {
                if (first.Matches(word))
                {
                    found.Add((family, phrase));
                }
            }
        }
    }

    private const int StemLength = 3;

    /// <summary>Which first letters some phrase starts with, by <see cref="StemHash"/>: most words are none of them.</summary>
    private readonly System.Collections.BitArray _maybe = new(1 << 15);

    /// <summary>A number for a word's first three letters (or fewer), the same for a prefix and the words it starts.</summary>
    private static int StemHash(string text)
    {
        var hash = text.Length >= StemLength ? 0 : text.Length + 1;
        for (var k = 0; k < Math.Min(StemLength, text.Length); k++)
        {
            hash = (hash * 31) + text[k];
        }

        return hash & ((1 << 15) - 1);
    }

    /// <summary>
    /// The profile site.yml's <c>advertising:</c> names: a built-in name, or a .yml file in input/. Problems are
    /// reported at their line; null when the profile could not be read.
    /// </summary>
    public static AdvertisingProfile? Load(string? chosen, SourceLocation? chosenAt, SitePaths paths, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (chosen is null)
        {
            return Default;
        }

        if (BuiltIn.Contains(chosen))
        {
            return ReadBuiltIn(chosen, diagnostics);
        }

        if (!chosen.EndsWith(".yml", StringComparison.Ordinal))
        {
            diagnostics.Error(DiagnosticIds.AdRulesInvalid, chosenAt, $"'advertising: {chosen}' is neither a built-in rule profile nor a .yml file.", Suggest.DidYouMean(chosen, BuiltIn) ?? $"Write one of {string.Join(", ", BuiltIn)}, or the name of your own rules file in input/, such as advertising.yml.");
            return null;
        }

        var file = Path.GetFullPath(Path.Combine(paths.Input, chosen));
        var shown = paths.Display(file);
        if (!SourceFiles.IsInside(file, paths.Input) || !File.Exists(file))
        {
            diagnostics.Error(DiagnosticIds.AdRulesInvalid, chosenAt, $"The advertising rules file '{chosen}' is not in {paths.Display(paths.Input)}/.", "Put the file in input/ and write its name, for example advertising: advertising.yml.");
            return null;
        }

        return SourceText.Read(file, shown, diagnostics) is { } text ? Read(text, shown, diagnostics, allowExtends: true) : null;
    }

    private static AdvertisingProfile? ReadBuiltIn(string name, DiagnosticBag diagnostics)
    {
        using var stream = typeof(AdvertisingProfile).Assembly.GetManifestResourceStream($"advertising/{name}.yml")
            ?? throw new InvalidOperationException($"The built-in advertising profile '{name}' is not in the program.");
        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd(), $"(built-in advertising profile {name})", diagnostics, allowExtends: name != "au");
    }

    private static AdvertisingProfile? Read(string text, string shown, DiagnosticBag diagnostics, bool allowExtends)
    {
        var before = diagnostics.Sorted().Count(d => d.Severity == Severity.Error);
        var source = new YamlSource(shown, 0);
        if (source.Parse(text, diagnostics) is not { } map)
        {
            return null;
        }

        var f = new YamlFields(map, source, diagnostics, "the advertising rules");
        var families = new Dictionary<string, AdvertisingFamily>(StringComparer.Ordinal);
        var name = f.Text("name", required: true) ?? "";
        var about = f.Text("about") ?? "";
        if (allowExtends && f.Text("extends") is { } parent)
        {
            if (!BuiltIn.Contains(parent))
            {
                diagnostics.Error(DiagnosticIds.AdRulesInvalid, f.LocationOf("extends"), $"'extends: {parent}' is not a built-in rule profile.", Suggest.DidYouMean(parent, BuiltIn) ?? $"Write one of {string.Join(", ", BuiltIn)}.");
                return null;
            }

            if (ReadBuiltIn(parent, diagnostics) is not { } inherited)
            {
                return null;
            }

            about = about.Length > 0 ? about : inherited.About;
            foreach (var family in inherited.Families)
            {
                families[family.Name] = family;
            }
        }

        if (f.Map("families", required: families.Count == 0) is { } written)
        {
            foreach (var key in written.Keys.ToList())
            {
                if (!FamilyIds.TryGetValue(key, out var id))
                {
                    diagnostics.Error(DiagnosticIds.AdRulesInvalid, written.KeyLocation(key), $"'{key}' is not a family of advertising rules.", Suggest.DidYouMean(key, FamilyIds.Keys) ?? $"The families are: {string.Join(", ", FamilyIds.Keys)}.");
                    continue;
                }

                if (written.Map(key) is { } rules)
                {
                    families[key] = ReadFamily(key, id, rules, families.GetValueOrDefault(key));
                }
            }
        }

        f.ReportUnknownKeys();
        return diagnostics.Sorted().Count(d => d.Severity == Severity.Error) > before
            ? null
            : new AdvertisingProfile(name, about, [.. families.Values.OrderBy(v => v.Id, StringComparer.Ordinal)]);
    }

    /// <summary>A family as the file writes it, on top of what an extended profile said of it.</summary>
    private static AdvertisingFamily ReadFamily(string name, string id, YamlFields f, AdvertisingFamily? inherited)
    {
        var severity = inherited?.Severity;
        if (f.Text("severity") is { } level)
        {
            severity = level switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "off" => null,
                _ => Bad(f, "severity", $"'severity: {level}' must be error, warning or off.", severity),
            };
        }
        else if (inherited is null)
        {
            severity = Severity.Error;
        }

        var title = f.Text("title", required: inherited is null) ?? inherited?.Title ?? "";
        var law = f.Text("law", required: inherited is null) ?? inherited?.Law ?? "";
        var suggestion = f.Text("suggestion", required: inherited is null) ?? inherited?.Suggestion ?? "";
        ImmutableArray<Phrase> Phrases(string key, ImmutableArray<Phrase>? earlier)
        {
            var result = ImmutableArray.CreateBuilder<Phrase>();
            result.AddRange(earlier ?? []);
            foreach (var item in f.List(key))
            {
                if (Phrase.Parse(item.Value, out var error) is { } phrase)
                {
                    result.Add(phrase);
                }
                else
                {
                    f.Diagnostics.Error(DiagnosticIds.AdRulesInvalid, item.Location, $"The phrase '{item.Value}' in {name}.{key} cannot be used: {error}", "See 'site explain SITE8100' for how phrases are written.");
                }
            }

            return result.ToImmutable();
        }

        var family = new AdvertisingFamily(name, id, severity, title, law, suggestion)
        {
            Match = Phrases("match", inherited?.Match),
            UnlessBefore = Phrases("unless_before", inherited?.UnlessBefore),
            UnlessAfter = Phrases("unless_after", inherited?.UnlessAfter),
            UnlessSentence = Phrases("unless_sentence", inherited?.UnlessSentence),
            UnlessParagraph = Phrases("unless_paragraph", inherited?.UnlessParagraph),
            UnlessPage = Phrases("unless_page", inherited?.UnlessPage),
            UnlessCited = f.Flag("unless_cited", inherited?.UnlessCited ?? false),
        };
        f.ReportUnknownKeys();
        return family;
    }

    private static Severity? Bad(YamlFields f, string key, string message, Severity? fallback)
    {
        f.Diagnostics.Error(DiagnosticIds.AdRulesInvalid, f.LocationOf(key), message, "Write error, warning or off.");
        return fallback;
    }
}
