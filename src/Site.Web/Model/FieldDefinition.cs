using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Site.Engine.Diagnostics;

namespace Site.Web.Model;

/// <summary>The kinds of value a front-matter field can hold, as written in a model file's <c>type:</c>.</summary>
public enum FieldType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>A longer text, still plain (no Markdown).</summary>
    LongText,

    /// <summary>Text in Markdown.</summary>
    Markdown,

    /// <summary>A date written YYYY-MM-DD.</summary>
    Date,

    /// <summary>A full web address starting with http:// or https://.</summary>
    Url,

    /// <summary>An address on this site, starting with '/'.</summary>
    Path,

    /// <summary>The site address of a picture, with its alternative text in a companion field.</summary>
    Image,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>A list of one-line texts.</summary>
    List,

    /// <summary>The id of an item of another kind.</summary>
    Reference,

    /// <summary>A list of ids of items of another kind.</summary>
    References,

    /// <summary>One of a fixed set of values.</summary>
    Choice,
}

/// <summary>
/// One field of a kind: its name and type, whether it is required, the rules its value must follow (with the
/// message shown when it does not), and the help and example shown to marketing staff.
/// </summary>
public sealed record FieldDefinition(string Name, FieldType Type, SourceLocation Location)
{
    public bool Required { get; init; }

    /// <summary>One line for marketing staff: what to write here.</summary>
    public string Help { get; init; } = "";

    /// <summary>
    /// The help the editor's form shows instead of <see cref="Help"/>, where that one speaks of files and YAML
    /// (quotes, file names, lists) that the form handles itself.
    /// </summary>
    public string? EditorHelp { get; init; }

    /// <summary>An example value, as it would be written in YAML.</summary>
    public string? Example { get; init; }

    /// <summary>A regular expression every value (every item, for lists) must match in full.</summary>
    public Regex? Pattern { get; init; }

    /// <summary>The pattern as written, for the JSON Schema.</summary>
    public string? PatternText { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>For numbers: the smallest and largest value allowed.</summary>
    public int? Min { get; init; }

    public int? Max { get; init; }

    /// <summary>Shown when a pattern or length rule fails; <c>{value}</c> stands for the value written.</summary>
    public string? Message { get; init; }

    /// <summary>For references: the kind whose ids are allowed.</summary>
    public string? To { get; init; }

    /// <summary>For choices: the values allowed.</summary>
    public ImmutableArray<string> Values { get; init; } = [];

    /// <summary>For images: the field holding the picture's alternative text.</summary>
    public string? Alt { get; init; }

    /// <summary>
    /// For a picture: the widest the theme shows it, in CSS pixels (<c>shown_width</c>). A file narrower than twice
    /// that looks soft on phones and high-density screens, which the build warns about.
    /// </summary>
    public int? ShownWidth { get; init; }

    /// <summary>For dates: a date field this one may not be earlier than.</summary>
    public string? NotBefore { get; init; }

    /// <summary>For lists: each value also gets a topic page under <c>/tags/</c>.</summary>
    public bool Taxonomy { get; init; }

    /// <summary>For topics: the topic page's title, intro and description; <c>{value}</c> is the topic and <c>{site}</c> the site's name.</summary>
    public string TaxonomyTitle { get; init; } = "{value}";

    public string TaxonomyIntro { get; init; } = "";

    public string TaxonomyDescription { get; init; } = "Everything on {site} about {value}.";

    /// <summary>For topics: the layout of the topic pages (<c>items</c> unless the model says otherwise).</summary>
    public string TaxonomyLayout { get; init; } = "items";

    /// <summary>A topic page's address: every kind's topics share <c>/tags/</c>.</summary>
    public static string TopicUrl(string value) => $"/tags/{Content.ContentUrls.Slugify(value)}/";

    /// <summary>
    /// For references: the heading of the list of this kind's items shown on each referenced item's page, with
    /// <c>{title}</c> for that item's title ("Services for {title}"). Null: not listed there.
    /// </summary>
    public string? BacklinkTitle { get; init; }

    /// <summary>The schema.org property this field's value is stated under in the page's structured data.</summary>
    public string? Schema { get; init; }

    /// <summary>For lists: each value is stated as a thing of this schema.org type with that name.</summary>
    public string? SchemaItemType { get; init; }

    /// <summary>For lists of site paths: each is an old address of the item, redirected to it permanently.</summary>
    public bool RedirectFrom { get; init; }

    /// <summary>The field's words are found by the site's search.</summary>
    public bool Searchable { get; init; }

    /// <summary>A value used when the field is left out; <c>{field}</c> stands for another field's value.</summary>
    public string? Default { get; init; }

    /// <summary>What <c>site new</c> writes: a text, <c>[]</c>, a list, or <c>today</c>; null leaves the field out.</summary>
    public ImmutableArray<string>? Scaffold { get; init; }

    /// <summary>Whether the written scaffold is a list (<c>[]</c> or several lines) rather than one text.</summary>
    public bool ScaffoldIsList { get; init; }

    public bool IsList => Type is FieldType.List or FieldType.References;

    public bool IsReference => Type is FieldType.Reference or FieldType.References;

    /// <summary>The YAML name of a field type.</summary>
    public static string TypeName(FieldType type) => type switch
    {
        FieldType.LongText => "long_text",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static IReadOnlyList<string> TypeNames { get; } = [.. Enum.GetValues<FieldType>().Select(TypeName)];

    /// <summary>How the type is described to a person.</summary>
    public string Describe() => Type switch
    {
        FieldType.Text => "text",
        FieldType.LongText => "long text",
        FieldType.Markdown => "Markdown text",
        FieldType.Date => "date (YYYY-MM-DD)",
        FieldType.Url => "web address (https://...)",
        FieldType.Path => "address on this site (/...)",
        FieldType.Image => $"image address on this site{(Alt is null ? "" : $", described in '{Alt}'")}",
        FieldType.Boolean => "true or false",
        FieldType.Number => Min is not null && Max is not null ? $"whole number from {Min} to {Max}" : "whole number",
        FieldType.List => Taxonomy ? "list of topics" : "list of text",
        FieldType.Reference => $"id of a {To}",
        FieldType.References => $"list of {To} ids",
        FieldType.Choice => $"one of: {string.Join(", ", Values)}",
        _ => Type.ToString(),
    };
}
