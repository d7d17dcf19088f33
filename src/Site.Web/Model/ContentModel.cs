using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Site.Engine.Diagnostics;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Model;

/// <summary>
/// Every kind of content the site has, read from <c>input/model/*.yml</c> (one file per kind, the file name
/// is the kind's name). A broken model file is reported at its line and column like any content file.
/// </summary>
public sealed class ContentModel
{
    /// <summary>The folder under <c>input/</c> that holds the model files.</summary>
    public const string FolderName = "model";

    private static readonly string[] PartNames = ["disclaimer", "book_now"];
    private static readonly string[] ListingNames = ["lists", "search", "sitemap", "feeds"];
    private static readonly string[] ReservedFolders = ["assets", FolderName];

    /// <summary>Names every item's view already has (<see cref="Rendering.ItemViews"/>); a field of that name would hide them.</summary>
    private static readonly string[] ReservedFieldNames = ["kind", "id", "url", "body", "reading_minutes", "date_iso", "date_text", "referenced_by", "referenced_via", "backlinks", "related"];

    private readonly FrozenDictionary<string, KindDefinition> _byName;

    public ContentModel(IEnumerable<KindDefinition> kinds)
    {
        Kinds = [.. kinds.OrderBy(k => k.Name, StringComparer.Ordinal)];
        _byName = Kinds.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>Every kind, ordered by name so that builds are deterministic.</summary>
    public ImmutableArray<KindDefinition> Kinds { get; }

    public KindDefinition? Kind(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<string> Names => Kinds.Select(k => k.Name);

    /// <summary>Reads and checks every model file; null when the model cannot be used.</summary>
    public static ContentModel? Load(SitePaths paths, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var folder = paths.Model;
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, SourceLocation.OfFile(paths.Display(folder)), "The content model folder is missing, so the build does not know any kind of content.", "Restore input/model/ from git: it holds one file per kind, such as article.yml.");
            return null;
        }

        var before = diagnostics.Sorted().Count(d => d.Severity == Severity.Error);
        var kinds = new List<KindDefinition>();
        foreach (var file in SourceFiles.Enumerate(folder, paths.Input, paths, diagnostics, search: SearchOption.TopDirectoryOnly))
        {
            var shown = paths.Display(file);
            var name = Path.GetFileNameWithoutExtension(file);
            if (Path.GetFileName(file).StartsWith('.'))
            {
                continue;
            }

            if (!file.EndsWith(".yml", StringComparison.Ordinal) || !ContentUrls.IsSlug(name))
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, SourceLocation.OfFile(shown), $"'{Path.GetFileName(file)}' is not a kind definition.", "Name each kind's file after the kind, in lower case with hyphens, ending in .yml: for example service.yml.");
                continue;
            }

            var source = new YamlSource(shown, 0);
            var map = SourceText.Read(file, paths.Display(file), diagnostics) is { } text ? source.Parse(text, diagnostics) : null;
            if (map is not null && ReadKind(name, new YamlFields(map, source, diagnostics, $"a kind definition ({name})")) is { } kind)
            {
                kinds.Add(kind);
            }
        }

        // Rules between kinds only make sense once every kind was read; a kind file that failed would make each
        // reference to it a second, misleading error.
        if (diagnostics.Sorted().Count(d => d.Severity == Severity.Error) > before)
        {
            return null;
        }

        CheckAcross(kinds, diagnostics);
        var after = diagnostics.Sorted().Count(d => d.Severity == Severity.Error);
        return after > before ? null : new ContentModel(kinds);
    }

    private static KindDefinition? ReadKind(string name, YamlFields f)
    {
        var diagnostics = f.Diagnostics;
        var label = f.Text("label") ?? name;
        var plural = f.Text("plural") ?? label + "s";
        var help = f.Text("help") ?? "";
        var folder = f.Text("folder", required: true);
        if (folder is not null && (!ContentUrls.IsSlug(folder) || ReservedFolders.Contains(folder)))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("folder"), $"'{folder}' cannot be a content folder.", "Use a lower-case folder name under input/, such as 'services', other than 'assets' and 'model'.");
            folder = null;
        }

        var id = f.Text("id") ?? "file-name";
        if (id != "file-name")
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("id"), $"'{id}' is not a way to make ids.", "Write id: file-name (the id is the file name without .md).");
        }

        var url = f.Text("url", required: true);
        if (url is not null && !(url.StartsWith('/') && url.EndsWith('/') && url.Split("{id}").Length == 2 && url.Replace("{id}", "", StringComparison.Ordinal).All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '/' or '-')))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("url"), $"The address pattern '{url}' must start and end with '/', contain {{id}} once, and otherwise only lower-case letters, digits, hyphens and slashes.", "For example: url: /services/{id}/");
            url = null;
        }

        var layout = f.Text("layout") ?? name;
        var schemaType = f.Text("schema_type") ?? "Thing";
        var pageSchemaType = f.Text("page_schema_type") ?? "WebPage";
        var titleField = f.Text("title_field") ?? "title";
        var descriptionField = f.Text("description_field") ?? "description";
        var dateField = f.Text("date_field");
        var parts = Allowed(f, "parts", PartNames, "a site-wide part");
        var listings = Allowed(f, "appears_in", ListingNames, "a place a kind can appear");
        var scaffoldIdText = f.Text("scaffold_id") ?? "title";
        var scaffoldId = scaffoldIdText switch
        {
            "title" => ScaffoldId.Title,
            "first_word" => ScaffoldId.FirstWord,
            "name" => ScaffoldId.Name,
            _ => (ScaffoldId?)null,
        };
        if (scaffoldId is null)
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("scaffold_id"), $"'{scaffoldIdText}' is not a way to name new files.", "Use title, first_word or name.");
        }

        var scaffoldBody = f.Text("scaffold_body") ?? "Write the text here.";
        var schemaId = f.Text("schema_id") ?? name;
        var ogType = f.Text("og_type") ?? "website";
        if (ogType is not ("website" or "article" or "profile"))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("og_type"), $"'{ogType}' is not an Open Graph type this site uses.", "Use website, article or profile.");
        }

        var shareImage = f.Text("share_image");
        var updatedField = f.Text("updated_field");
        var authorField = f.Text("author_field");
        var reviewMap = f.Map("review");
        (string Date, string By)? review = reviewMap is null ? null : (reviewMap.Text("date", required: true) ?? "", reviewMap.Text("by", required: true) ?? "");
        reviewMap?.ReportUnknownKeys();
        var readability = f.Flag("readability", fallback: false);
        var registrationField = f.Text("registration_field");
        var modifiedBy = f.List("modified_by");
        var bookingFrom = f.List("booking_from");
        RelatedRule? related = null;
        if (f.Map("related") is { } relatedMap)
        {
            var count = relatedMap.Number("count", 1, 20) ?? 3;
            var weights = new List<(string, int)>();
            if (relatedMap.Map("by", required: true) is { } by)
            {
                foreach (var field in by.Keys.ToList())
                {
                    weights.Add((field, by.Number(field, 1, 10) ?? 1));
                }
            }

            relatedMap.ReportUnknownKeys();
            related = new RelatedRule(count, [.. weights]);
        }

        ListPage? listPage = null;
        if (f.Map("list") is { } list)
        {
            var listUrl = list.Text("url", required: true);
            var listTitle = list.Text("title", required: true);
            var intro = list.Text("intro") ?? "";
            var listLayout = list.Text("layout") ?? "items";
            var listDescription = list.Text("description");
            var paged = list.Flag("paged", fallback: false);
            list.ReportUnknownKeys();
            if (listUrl is not null && !(listUrl.StartsWith('/') && listUrl.EndsWith('/') && listUrl.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '/' or '-')))
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, list.LocationOf("url"), $"The list address '{listUrl}' must start and end with '/'.", "For example: url: /services/");
            }
            else if (listUrl is not null && listTitle is not null)
            {
                listPage = new ListPage(listUrl, listTitle, intro, listLayout, listDescription, paged);
            }
        }

        var fields = ImmutableArray.CreateBuilder<FieldDefinition>();
        if (f.Map("fields", required: true) is { } map)
        {
            foreach (var fieldName in map.Keys)
            {
                if (ReadField(fieldName, map, diagnostics) is { } field)
                {
                    fields.Add(field);
                }
            }
        }

        f.ReportUnknownKeys();
        var kind = folder is null || url is null || scaffoldId is null
            ? null
            : new KindDefinition(name, folder, url, layout, fields.ToImmutable(), f.Location)
            {
                Label = label,
                Plural = plural,
                Help = help,
                SchemaType = schemaType,
                PageSchemaType = pageSchemaType,
                TitleField = titleField,
                DescriptionField = descriptionField,
                DateField = dateField,
                Disclaimer = parts.Contains("disclaimer"),
                BookNow = parts.Contains("book_now"),
                AppearsIn = listings.Aggregate(Listings.None, (all, l) => all | Enum.Parse<Listings>(l, ignoreCase: true)),
                ScaffoldId = scaffoldId.Value,
                ScaffoldBody = scaffoldBody.Trim() + "\n",
                SchemaId = schemaId,
                ListPage = listPage,
                Related = related,
                OgType = ogType,
                ShareImage = shareImage,
                UpdatedField = updatedField,
                AuthorField = authorField,
                Review = review,
                Readability = readability,
                RegistrationField = registrationField,
                ModifiedBy = [.. modifiedBy.Select(m => m.Value.Split('.')).Select(p => p.Length == 2 ? (p[0], p[1]) : (string.Join('.', p), ""))],
                BookingFrom = [.. bookingFrom.Select(b => b.Value)],
            };
        if (kind is null)
        {
            return null;
        }

        void NeedField(string? fieldName, string key, FieldType type, bool required)
        {
            if (fieldName is null)
            {
                return;
            }

            var field = kind.Field(fieldName);
            if (field is null || field.Type != type || (required && !field.Required))
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf(key), $"'{key}' must name a{(required ? " required" : "")} {FieldDefinition.TypeName(type)} field of this kind, but '{fieldName}' is {(field is null ? "not a field" : $"a{(field.Required ? " required" : "n optional")} {FieldDefinition.TypeName(field.Type)} field")}.",
                    field is null ? Suggest.DidYouMean(fieldName, kind.Fields.Select(x => x.Name)) : null);
            }
        }

        NeedField(titleField, "title_field", FieldType.Text, required: true);
        NeedField(descriptionField, "description_field", FieldType.Text, required: false);
        if (kind.Field(descriptionField) is { Required: false, Default: null })
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("description_field"), $"The description field '{descriptionField}' is optional and has no default, so an item without it could not be published.", $"Make '{descriptionField}' required, or give it a default.");
        }

        if (kind.ListPage is { } listed && listed.Url == "/")
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("list"), "A kind's list page cannot be the home page.", "Give it its own address, such as /services/.");
        }
        NeedField(dateField, "date_field", FieldType.Date, required: true);
        NeedField(updatedField, "updated_field", FieldType.Date, required: false);
        NeedField(authorField, "author_field", FieldType.Reference, required: false);
        NeedField(registrationField, "registration_field", FieldType.Text, required: false);
        if (review is { } rule)
        {
            NeedField(rule.Date, "review", FieldType.Date, required: false);
            NeedField(rule.By, "review", FieldType.Reference, required: false);
        }
        if (kind.Has(Listings.Feeds) && kind.DateField is null)
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("appears_in"), "A kind in the feeds needs a date_field: feed readers sort by it.", "Add date_field, or remove feeds from appears_in.");
        }
        NeedField(shareImage, "share_image", FieldType.Image, required: false);
        foreach (var (field, _) in kind.Related?.Weights ?? [])
        {
            if (kind.Field(field) is not { IsList: true })
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("related"), $"'related' counts shared values of '{field}', which is not a list or references field of this kind.", Suggest.DidYouMean(field, kind.Fields.Select(x => x.Name)));
            }
        }

        foreach (var from in bookingFrom.Where(b => kind.Field(b.Value) is not { Type: FieldType.Url or FieldType.Reference or FieldType.References }))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, from.Location, $"'booking_from' names '{from.Value}', which is not a url or reference field of this kind.", Suggest.DidYouMean(from.Value, kind.Fields.Select(x => x.Name)));
        }

        foreach (var field in kind.Fields)
        {
            if (field.Alt is { } alt && kind.Field(alt) is not { Type: FieldType.Text })
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, field.Location, $"The field '{field.Name}' names '{alt}' for its alternative text, but this kind has no text field '{alt}'.", "Add the text field, or fix the name in 'alt'.");
            }

            if (field.NotBefore is { } other && kind.Field(other) is not { Type: FieldType.Date })
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, field.Location, $"The field '{field.Name}' may not be before '{other}', but this kind has no date field '{other}'.", "Fix the name in 'not_before'.");
            }
        }

        return kind;
    }

    private static FieldDefinition? ReadField(string name, YamlFields map, DiagnosticBag diagnostics)
    {
        var location = map.KeyLocation(name);
        if (KindDefinition.BuiltInFields.Contains(name) || ReservedFieldNames.Contains(name))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, location, $"'{name}' is {(ReservedFieldNames.Contains(name) ? "a name layouts already use for every item" : "a field every kind has")}; it cannot be declared again.", "Choose another name.");
            return null;
        }

        if (!ContentUrls.IsSlug(name.Replace('_', '-')))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, location, $"'{name}' is not a usable field name.", "Use lower-case words joined by underscores, such as booking_url.");
            return null;
        }

        var f = map.Map(name, required: true);
        if (f is null)
        {
            return null;
        }

        var typeName = f.Text("type", required: true);
        var typeIndex = typeName is null ? -1 : FieldDefinition.TypeNames.ToList().IndexOf(typeName);
        if (typeName is not null && typeIndex < 0)
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("type"), $"'{typeName}' is not a field type.", Suggest.DidYouMean(typeName, FieldDefinition.TypeNames) ?? $"Use one of: {string.Join(", ", FieldDefinition.TypeNames)}.");
        }

        var required = f.Flag("required", fallback: false);
        var help = f.Text("help") ?? "";
        var editorHelp = f.Text("editor_help");
        var example = f.TextOrList("example", out _) is { } examples ? (examples.Length == 1 ? examples[0] : $"[{string.Join(", ", examples)}]") : null;
        var patternText = f.Text("pattern");
        Regex? pattern = null;
        if (patternText is not null)
        {
            try
            {
                pattern = new Regex("^(?:" + patternText + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("pattern"), $"The pattern cannot be used: {ex.Message}", "Write a .NET regular expression, in single quotes.");
            }
        }

        var minLength = f.Number("min_length", 0, 100_000);
        var maxLength = f.Number("max_length", 1, 100_000);
        var min = f.Number("min", 0, int.MaxValue);
        var max = f.Number("max", 0, int.MaxValue);
        var message = f.Text("message");
        var to = f.Text("to");
        var values = f.List("values").Select(v => v.Value).ToImmutableArray();
        var alt = f.Text("alt");
        var shownWidth = f.Number("shown_width", 16, 4000);
        var notBefore = f.Text("not_before");
        var taxonomy = f.Flag("taxonomy", fallback: false);
        var fallback = f.Text("default");
        var scaffold = f.TextOrList("scaffold", out var scaffoldIsList);
        var backlinkTitle = f.Text("backlink_title");
        var redirectFrom = f.Flag("redirect_from", fallback: false);
        var topic = f.Map("topic_page");
        var topicTitle = topic?.Text("title");
        var topicIntro = topic?.Text("intro");
        var topicDescription = topic?.Text("description");
        var topicLayout = topic?.Text("layout");
        topic?.ReportUnknownKeys();
        var searchable = f.Flag("search", fallback: false);
        var schema = f.Text("schema");
        var schemaItemType = f.Text("schema_item_type");
        f.ReportUnknownKeys();
        if (typeIndex < 0)
        {
            return null;
        }

        var type = Enum.GetValues<FieldType>()[typeIndex];
        if (type is FieldType.Reference or FieldType.References && to is null)
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.Location, $"The reference field '{name}' does not say which kind it refers to.", "Add a line such as: to: author");
        }

        if ((taxonomy || topic is not null || redirectFrom) && type != FieldType.List)
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.Location, $"'{name}' is a {FieldDefinition.TypeName(type)} field; topics and old addresses are lists.", "Make it type: list, or remove taxonomy, topic_page or redirect_from.");
        }

        if (searchable && type is not (FieldType.Text or FieldType.LongText or FieldType.Markdown or FieldType.List or FieldType.Choice))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("search"), $"'{name}' is a {FieldDefinition.TypeName(type)} field; only text and lists of text can be searched.", "Remove search: true.");
        }

        if ((min > max) || (minLength > maxLength))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.Location, $"The field '{name}' has a smallest value or length larger than its largest.", "Swap the two limits.");
        }

        if (fallback is not null && type is not (FieldType.Text or FieldType.LongText or FieldType.Markdown))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("default"), $"Only text fields can have a default, and '{name}' is {FieldDefinition.TypeName(type)}.", "Remove the default.");
        }

        if (shownWidth is not null && type != FieldType.Image)
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.LocationOf("shown_width"), $"'{name}' is a {FieldDefinition.TypeName(type)} field; only pictures have a shown width.", "Remove shown_width, or make the field type: image.");
        }

        if (type is FieldType.Choice && values.IsEmpty)
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, f.Location, $"The choice field '{name}' lists no values.", "Add a line such as: values: [beginner, advanced]");
        }

        return new FieldDefinition(name, type, location)
        {
            Required = required,
            Help = help,
            EditorHelp = editorHelp,
            Example = example,
            Pattern = pattern,
            PatternText = patternText,
            MinLength = minLength,
            MaxLength = maxLength,
            Min = min,
            Max = max,
            Message = message,
            To = to,
            Values = values,
            Alt = alt,
            ShownWidth = shownWidth,
            NotBefore = notBefore,
            Taxonomy = taxonomy,
            Default = fallback,
            Scaffold = scaffold,
            ScaffoldIsList = scaffoldIsList,
            BacklinkTitle = backlinkTitle,
            RedirectFrom = redirectFrom,
            TaxonomyTitle = topicTitle ?? "{value}",
            TaxonomyIntro = topicIntro ?? "",
            TaxonomyDescription = topicDescription ?? "Everything on {site} about {value}.",
            TaxonomyLayout = topicLayout ?? "items",
            Searchable = searchable,
            Schema = schema,
            SchemaItemType = schemaItemType,
        };
    }

    private static List<string> Allowed(YamlFields f, string key, string[] allowed, string what)
    {
        var result = new List<string>();
        foreach (var item in f.List(key))
        {
            if (allowed.Contains(item.Value, StringComparer.Ordinal))
            {
                result.Add(item.Value);
            }
            else
            {
                f.Diagnostics.Error(DiagnosticIds.ModelInvalid, item.Location, $"'{item.Value}' is not {what}.", Suggest.DidYouMean(item.Value, allowed) ?? $"Use some of: {string.Join(", ", allowed)}.");
            }
        }

        return result;
    }

    /// <summary>Rules between kinds: references name real kinds, and no two kinds share a folder or an address.</summary>
    private static void CheckAcross(List<KindDefinition> kinds, DiagnosticBag diagnostics)
    {
        var names = kinds.Select(k => k.Name).ToList();
        foreach (var kind in kinds)
        {
            foreach (var field in kind.Fields.Where(f => f.To is not null && !names.Contains(f.To)))
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, field.Location, $"The field '{field.Name}' refers to the kind '{field.To}', which the model does not have.", Suggest.DidYouMean(field.To!, names) ?? $"Known kinds: {string.Join(", ", names)}.");
            }
        }

        foreach (var kind in kinds)
        {
            foreach (var (other, field) in kind.ModifiedBy.Where(m => kinds.FirstOrDefault(k => k.Name == m.Kind)?.Field(m.Field)?.To != kind.Name))
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, kind.Location, $"'modified_by' names {other}.{field}, which is not a field of another kind that refers to {kind.Name}.", "Write kind.field, for example article.conditions.");
            }
        }

        foreach (var kind in kinds)
        {
            // A kind's title and description are in every view under those names; a field of that name would hide them.
            foreach (var field in kind.Fields.Where(f => (f.Name == "title" && kind.TitleField != "title") || (f.Name == "description" && kind.DescriptionField != "description")))
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, field.Location, $"'{field.Name}' is not this kind's {field.Name}_field, but layouts read every item's {field.Name} under that name.", $"Rename the field, or make it the kind's {field.Name}_field.");
            }

            if (kind.AuthorField is { } authorField && kind.Field(authorField)?.To is { } to && kinds.FirstOrDefault(k => k.Name == to) is { SchemaType: not "Person" } notPerson)
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, kind.Location, $"'author_field' is '{authorField}', which refers to {notPerson.Name}, and {notPerson.Name} is not a schema.org Person.", "Point author_field at a field that refers to people, or give that kind schema_type: Person.");
            }
        }

        var withTopics = kinds.Where(k => k.Fields.Any(f => f.Taxonomy)).ToList();
        if (withTopics.Count > 1)
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, withTopics[1].Location, $"Both {withTopics[0].Name} and {withTopics[1].Name} have topics (taxonomy), and topic pages under /tags/ can list one kind.", "Keep taxonomy on one kind.");
        }

        // Pages every site has, and each kind's list page, must not share an address.
        var listUrls = new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = "the home page", ["/search/"] = "the search page", ["/tags/"] = "the topic pages" };
        foreach (var kind in kinds.Where(k => k.ListPage is not null))
        {
            if (!listUrls.TryAdd(kind.ListPage!.Url, $"the {kind.Name} list"))
            {
                diagnostics.Error(DiagnosticIds.ModelInvalid, kind.Location, $"The {kind.Name} list page would be at {kind.ListPage.Url}, which is already {listUrls[kind.ListPage.Url]}.", "Give the list its own address.");
            }
        }

        foreach (var clash in kinds.GroupBy(k => k.Folder, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, clash.Last().Location, $"The kinds {string.Join(" and ", clash.Select(k => k.Name))} both read input/{clash.Key}/.", "Give each kind its own folder.");
        }

        foreach (var clash in kinds.GroupBy(k => k.UrlPattern, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Error(DiagnosticIds.ModelInvalid, clash.Last().Location, $"The kinds {string.Join(" and ", clash.Select(k => k.Name))} both publish at {clash.Key}.", "Give each kind its own address pattern.");
        }
    }
}
