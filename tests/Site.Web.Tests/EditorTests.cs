using System.Text.RegularExpressions;
using Site.Engine.Diagnostics;
using Site.Web.Admin;
using Site.Web.Model;
using YamlDotNet.RepresentationModel;

namespace Site.Web.Tests;

/// <summary>
/// The editor at /admin/ of the sample build: its configuration, read with a real YAML parser, agrees with the
/// content model field by field; its files are all there; and it stays out of the sitemap, search and feeds.
/// </summary>
public sealed class EditorTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    // What the editor must show for each type of field, written out here rather than taken from the generator.
    private static readonly Dictionary<FieldType, string> Widgets = new()
    {
        [FieldType.Text] = "string",
        [FieldType.LongText] = "text",
        [FieldType.Markdown] = "markdown",
        [FieldType.Date] = "datetime",
        [FieldType.Url] = "string",
        [FieldType.Path] = "string",
        [FieldType.Image] = "image",
        [FieldType.Boolean] = "boolean",
        [FieldType.Number] = "number",
        [FieldType.List] = "list",
        [FieldType.Reference] = "relation",
        [FieldType.References] = "relation",
        [FieldType.Choice] = "select",
    };

    [Fact]
    public void The_configuration_and_the_model_agree_field_by_field()
    {
        Assert.True(sample.Result.Errors == 0, string.Join("\n", sample.Result.Diagnostics));
        var model = Model();
        var config = Config();
        Assert.Equal("editorial_workflow", Scalar(config, "publish_mode"));
        Assert.Equal("input/assets/images", Scalar(config, "media_folder"));
        Assert.Equal("/assets/images", Scalar(config, "public_folder"));
        Assert.Equal("physionorth/website", Scalar((YamlMappingNode)config["backend"], "repo"));

        var collections = ((YamlSequenceNode)config["collections"]).Cast<YamlMappingNode>().ToDictionary(c => Scalar(c, "name")!);
        Assert.Equal(model.Kinds.Select(k => k.Name).Append(SiteSettingsForm.Name).Order(), collections.Keys.Order());
        var checkedFields = 0;
        foreach (var kind in model.Kinds)
        {
            var collection = collections[kind.Name];
            Assert.Equal("input/" + kind.Folder, Scalar(collection, "folder"));
            Assert.Equal("true", Scalar(collection, "create"));
            Assert.Equal(kind.UrlPattern.TrimStart('/').Replace("{id}", "{{slug}}", StringComparison.Ordinal), Scalar(collection, "preview_path"));
            Assert.Contains("{{" + kind.TitleField + "}}", Scalar(collection, "summary"), StringComparison.Ordinal);

            var fields = ((YamlSequenceNode)collection["fields"]).Cast<YamlMappingNode>().ToList();
            Assert.Equal([.. kind.Fields.Select(f => f.Name), "draft", "body"], fields.Select(f => Scalar(f, "name")));
            // The editor writes front matter in the form's order; site format lays files out in the same one.
            Assert.Equal(EditorConfig.FieldOrder(kind), fields.Select(f => Scalar(f, "name")));
            foreach (var field in kind.Fields)
            {
                var widget = fields.Single(f => Scalar(f, "name") == field.Name);
                var where = $"{kind.Name}.{field.Name}";
                Assert.True(Widgets[field.Type] == Scalar(widget, "widget"), $"{where}: {Scalar(widget, "widget")} for {field.Type}");
                Assert.True((field.Required ? "true" : "false") == Scalar(widget, "required"), $"{where}: required");
                var help = field.EditorHelp ?? field.Help;
                Assert.True(help.Length == 0 ? !widget.Children.ContainsKey("hint") : help == Scalar(widget, "hint"), $"{where}: hint");
                if (field.IsReference)
                {
                    var target = model.Kind(field.To!)!;
                    Assert.Equal(target.Name, Scalar(widget, "collection"));
                    Assert.Equal("{{slug}}", Scalar(widget, "value_field"));
                    Assert.Equal(target.TitleField, ((YamlSequenceNode)widget["display_fields"]).Children.Cast<YamlScalarNode>().Single().Value);
                    Assert.Equal(field.Type == FieldType.References ? "true" : "false", Scalar(widget, "multiple"));
                }

                if (field.Type == FieldType.Choice)
                {
                    Assert.Equal(field.Values, ((YamlSequenceNode)widget["options"]).Children.Cast<YamlScalarNode>().Select(n => n.Value!));
                }

                if (field.Type == FieldType.Date)
                {
                    Assert.Equal("YYYY-MM-DD", Scalar(widget, "format"));
                    Assert.Equal("false", Scalar(widget, "time_format"));
                }

                // A rule of the model is the form's rule too, matched in full, with the model's message.
                var rules = field.Type == FieldType.List && widget.Children.ContainsKey("field") ? (YamlMappingNode)widget["field"] : widget;
                if (field.PatternText is not null || field.MaxLength is not null || field.MinLength is not null)
                {
                    var pattern = (YamlSequenceNode)rules["pattern"];
                    var regex = new Regex(((YamlScalarNode)pattern[0]).Value!, RegexOptions.None, TimeSpan.FromSeconds(1));
                    if (field.Example is { } example && !example.StartsWith('['))
                    {
                        Assert.True(regex.IsMatch(example), $"{where}: the form's pattern refuses the model's own example '{example}'");
                    }

                    if (field.Message is { } message)
                    {
                        Assert.Equal(message.Replace(" '{value}'", "", StringComparison.Ordinal), ((YamlScalarNode)pattern[1]).Value);
                    }
                }

                checkedFields++;
            }

            var body = fields.Single(f => Scalar(f, "name") == "body");
            Assert.Equal("markdown", Scalar(body, "widget"));
            Assert.Equal(["raw"], ((YamlSequenceNode)body["modes"]).Children.Cast<YamlScalarNode>().Select(n => n.Value!));
        }

        Assert.True(checkedFields > 30, $"only {checkedFields} fields were compared");
    }

    [Fact]
    public void The_form_speaks_of_the_form_where_the_models_help_speaks_of_files()
    {
        var article = ((YamlSequenceNode)Config()["collections"]).Cast<YamlMappingNode>().Single(c => Scalar(c, "name") == "article");
        var hints = ((YamlSequenceNode)article["fields"]).Cast<YamlMappingNode>().Where(f => f.Children.ContainsKey("hint")).Select(f => Scalar(f, "hint")!).ToList();
        Assert.Contains("The headline, as readers will see it.", hints);
        // Advice for people writing YAML by hand would mislead in a form: quotes would become part of the title.
        Assert.DoesNotContain(hints, h => h.Contains("quotes", StringComparison.OrdinalIgnoreCase) || h.Contains("input/", StringComparison.Ordinal) || h.Contains("as a list", StringComparison.Ordinal));
    }

    [Fact]
    public void Site_yml_is_a_form_with_a_field_for_every_setting_the_sample_uses()
    {
        var settings = ((YamlSequenceNode)Config()["collections"]).Cast<YamlMappingNode>().Single(c => Scalar(c, "name") == SiteSettingsForm.Name);
        var file = ((YamlSequenceNode)settings["files"]).Cast<YamlMappingNode>().Single();
        Assert.Equal("input/site.yml", Scalar(file, "file"));
        var fields = ((YamlSequenceNode)file["fields"]).Cast<YamlMappingNode>().ToList();
        Assert.Equal(SiteSettingsForm.FieldOrder, fields.Select(f => Scalar(f, "name")));

        var sample = new YamlStream();
        sample.Load(new StringReader(File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "input", "site.yml"))));
        var root = (YamlMappingNode)sample.Documents[0].RootNode;
        // Every setting and nested setting the sample writes has its widget (diagnostics: are ids chosen by
        // people, which the editor keeps as they are).
        void Covered(YamlMappingNode values, List<YamlMappingNode> widgets, string where)
        {
            foreach (var (key, value) in values.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var widget = widgets.SingleOrDefault(w => Scalar(w, "name") == name);
                Assert.True(widget is not null, $"{where}{name} has no field in the editor's settings form");
                var nested = widget.Children.TryGetValue("fields", out var f) ? ((YamlSequenceNode)f).Cast<YamlMappingNode>().ToList() : null;
                switch (value)
                {
                    case YamlMappingNode map:
                        Covered(map, nested!, $"{where}{name}.");
                        break;
                    case YamlSequenceNode list when list.Children.FirstOrDefault() is YamlMappingNode:
                        foreach (var item in list.Children.Cast<YamlMappingNode>())
                        {
                            Covered(item, nested!, $"{where}{name}[].");
                        }

                        break;
                }
            }
        }

        Covered(new YamlMappingNode(root.Children.Where(p => ((YamlScalarNode)p.Key).Value != "diagnostics")), fields, "");
        Assert.Equal("page", Scalar(((YamlSequenceNode)fields.Single(f => Scalar(f, "name") == "disclaimer")["fields"]).Cast<YamlMappingNode>().Single(f => Scalar(f, "name") == "page"), "collection"));
    }

    [Fact]
    public void The_form_pattern_refuses_what_the_build_refuses()
    {
        // service.title has max_length 60: the form's pattern lets 60 characters through and stops 61.
        var service = ((YamlSequenceNode)Config()["collections"]).Cast<YamlMappingNode>().Single(c => Scalar(c, "name") == "service");
        var title = ((YamlSequenceNode)service["fields"]).Cast<YamlMappingNode>().Single(f => Scalar(f, "name") == "title");
        var pattern = new Regex(((YamlScalarNode)((YamlSequenceNode)title["pattern"])[0]).Value!, RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.Matches(pattern, new string('a', 60));
        Assert.DoesNotMatch(pattern, new string('a', 61));

        var article = ((YamlSequenceNode)Config()["collections"]).Cast<YamlMappingNode>().Single(c => Scalar(c, "name") == "article");
        var aliases = ((YamlSequenceNode)article["fields"]).Cast<YamlMappingNode>().Single(f => Scalar(f, "name") == "aliases");
        var alias = new Regex(((YamlScalarNode)((YamlSequenceNode)((YamlMappingNode)aliases["field"])["pattern"])[0]).Value!, RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.Matches(alias, "/blog/old-address/");
        Assert.DoesNotMatch(alias, "https://elsewhere.example/");
        Assert.DoesNotMatch(alias, "blog/old-address/");
    }

    [Fact]
    public void The_editor_is_published_with_its_bundle_and_kept_out_of_search()
    {
        Assert.True(File.Exists(Path.Combine(sample.Output, "admin", "decap-cms.js")));
        Assert.True(Directory.GetFiles(Path.Combine(sample.Output, "admin"), "*.decap-cms.js").Length > 10, "the bundle's chunks are missing");
        var page = sample.Read("admin/index.html");
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", page, StringComparison.Ordinal);
        Assert.Contains("src=\"/admin/decap-cms.js\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal); // no inline script
        foreach (var file in new[] { "sitemap.xml", "search-index.json", "feed.xml", "feed.json" })
        {
            Assert.DoesNotContain("/admin", sample.Read(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_repository_that_is_not_owner_slash_name_is_refused_at_its_line()
    {
        using var site = new TestSite();
        site.Write("input/site.yml", File.ReadAllText(Path.Combine(site.Root, "input", "site.yml")) + "\neditor:\n  repo: https://github.com/physionorth/website\n");
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(Site.Web.Diagnostics.DiagnosticIds.WrongType, error.Id);
        Assert.Contains("owner/name", error.Message, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(Path.Combine(site.Root, "input", "site.yml")).Length, error.Location!.Line);
    }

    private YamlMappingNode Config()
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(sample.Read("admin/config.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static ContentModel Model()
    {
        var root = TestSite.RepositoryRoot;
        var diagnostics = new DiagnosticBag();
        var model = ContentModel.Load(SitePaths.From(Path.Combine(root, "input"), Path.Combine(root, "theme"), Path.Combine(root, "output"), root), diagnostics);
        Assert.True(model is not null, string.Join("\n", diagnostics.Sorted()));
        return model!;
    }
}
