using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Web.Model;

namespace Site.Web.Content;

/// <summary>
/// One content file bound to its kind: where it came from, its id (slug), title and description, and every
/// field the kind declares, typed as the model says (text, dates, lists and references with the place each
/// was written).
/// </summary>
public record ContentItem(KindDefinition Kind, string Slug, SourceLocation FrontMatter, string Title, string Description)
{
    /// <summary>The root-relative clean URL of the item's page.</summary>
    public string Url => Kind.UrlFor(Slug);

    /// <summary>The output file that serves <see cref="Url"/>.</summary>
    public string Destination => Url.TrimStart('/') + "index.html";

    /// <summary>Marked <c>draft: true</c>: built only with --drafts (previews and site serve).</summary>
    public bool Draft { get; init; }

    /// <summary>
    /// A field could not be read (its error is reported): the item is still checked (its references, links and
    /// text) so that one bad field hides no other problem, but it is not published.
    /// </summary>
    public bool Incomplete { get; init; }

    /// <summary>Diagnostic ids this item asks not to be reported for its own file (<c>suppress:</c>), each with its reason.</summary>
    public ImmutableArray<Diagnostics.Suppression> Suppressions { get; init; } = [];

    /// <summary>The kind's name, as used in templates and site.yml.</summary>
    public string KindName => Kind.Name;

    /// <summary>
    /// Field values by name: <see cref="string"/>, <see cref="DateOnly"/>, <see cref="bool"/>, <see cref="int"/>,
    /// <see cref="Located{T}"/> of string for a reference, or an immutable array of those for lists.
    /// Fields left out (or invalid) are absent.
    /// </summary>
    public IReadOnlyDictionary<string, object> Fields { get; init; } = new Dictionary<string, object>();

    /// <summary>
    /// Where each of the kind's fields is written: line and column, two numbers per field in the kind's order
    /// (0 when absent). Kept as numbers because every item keeps them for the whole build.
    /// </summary>
    public int[] Positions { get; init; } = [];

    /// <summary>Whether the field is written in the file, even with a value that could not be read.</summary>
    public bool IsWritten(string field) => LocationOf(field) != FrontMatter;

    /// <summary>Where a field's value is written, or the start of the file when it is not.</summary>
    public SourceLocation LocationOf(string field)
    {
        var at = Kind.Fields.IndexOf(Kind.Field(field)!);
        return at >= 0 && 2 * at + 1 < Positions.Length && Positions[2 * at] > 0
            ? new SourceLocation(FrontMatter.File, Positions[2 * at], Positions[(2 * at) + 1])
            : FrontMatter;
    }

    /// <summary>The publication date, for kinds that have one.</summary>
    public DateOnly? PublishedOn => Kind.DateField is { } name ? DateOf(name) : null;

    /// <summary>The last real change of a dated item: its kind's updated field, or the publication date.</summary>
    public DateOnly? UpdatedOn => (Kind.UpdatedField is { } name ? DateOf(name) : null) ?? PublishedOn;

    public string? TextOf(string field) => Fields.GetValueOrDefault(field) as string;

    public DateOnly? DateOf(string field) => Fields.TryGetValue(field, out var value) && value is DateOnly date ? date : null;

    public int? NumberOf(string field) => Fields.TryGetValue(field, out var value) && value is int number ? number : null;

    public bool? FlagOf(string field) => Fields.TryGetValue(field, out var value) && value is bool flag ? flag : null;

    public Located<string>? ReferenceOf(string field) => Fields.GetValueOrDefault(field) as Located<string>;

    /// <summary>A list or list of references, with where each item was written.</summary>
    public ImmutableArray<Located<string>> ItemsOf(string field) =>
        Fields.TryGetValue(field, out var value) && value is ImmutableArray<Located<string>> items ? items : [];

    public ImmutableArray<string> TextsOf(string field) => [.. ItemsOf(field).Select(i => i.Value)];
}

/// <summary>Per-file facts a binder needs besides the YAML.</summary>
public sealed record ContentFile(string Slug, string Source, SourceLocation FrontMatter);
